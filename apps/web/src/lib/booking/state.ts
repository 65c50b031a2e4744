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
  problem?: { kind: 'rate-limited' | 'honeypot' | 'too-fast' | 'unavailable' | 'expired'; message: string }
  /** Carried from the first render: the one-time key and the signed start time. */
  idempotencyKey: string
  formToken: string
}

/** Form field names, as the HTML form posts them. */
export const honeypotField = 'website'
