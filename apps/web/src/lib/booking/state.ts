import type { BookingField } from '@clinic/cms-types'

/** What the visitor typed, as text, so the form can show it again. */
export type BookingValues = {
  name: string
  email: string
  phone: string
  preferredService: string
  preferredTimes: string
  message: string
  consent: boolean
}

export const emptyBookingValues: BookingValues = {
  name: '',
  email: '',
  phone: '',
  preferredService: '',
  preferredTimes: '',
  message: '',
  consent: false,
}

/**
 * The form's state between submissions. `problem` is a message for the whole form: a rate limit,
 * the honeypot, a too-quick submission or the CMS being unreachable; `errors` are per field.
 */
export type BookingFormState = {
  values: BookingValues
  errors: Partial<Record<BookingField, string>>
  problem?: { kind: 'rate-limited' | 'honeypot' | 'too-fast' | 'unavailable' | 'expired' | 'too-large' | 'other-site'; message: string }
  /** Carried from the first render: the one-time key and the signed start time. */
  idempotencyKey: string
  formToken: string
}

/** Form field names, as the HTML form posts them. */
export const honeypotField = 'website'

/**
 * Set by src/proxy.ts on a booking post it refused before Next.js read it (a client that sends it
 * itself only shows itself the message): `too-large` (over `maxBookingPostBytes`) or `other-site` (posted
 * from another site's page). The form is shown again, fresh, with a message.
 */
export const bookingRefusedHeader = 'x-clinic-booking-refused'

/** Far above the largest honest booking (all fields at their limits are ~10 KB), far below Next.js's 1 MB. */
export const maxBookingPostBytes = 64 * 1024

export const refusedBookingMessages = {
  'too-large': 'We could not read this form: it was far larger than the form allows, so nothing was sent. Please fill in the form below again, or call or email us.',
  'other-site': 'This form was sent from another website, so we did not accept it. If you meant to ask for an appointment, please fill in the form below.',
} as const

export type RefusedBooking = keyof typeof refusedBookingMessages

export const isRefusedBooking = (value: string | null): value is RefusedBooking => value !== null && Object.hasOwn(refusedBookingMessages, value)
