import { z } from 'zod'

/**
 * The rules of an appointment request, enforced by both apps: the site validates the visitor's form
 * with them and shows the messages beside each field; the CMS checks every request it is asked to
 * store against them again, so a request that skipped the site's form is refused the same way.
 */

/** Longest value each field accepts (characters). */
export const bookingLimits = {
  name: 120,
  email: 254,
  phone: 40,
  preferredTimes: 300,
  message: 1000,
  idempotencyKey: 64,
} as const

/** The consent wording shown on the form. Change the version whenever the wording changes: each request stores the version its visitor saw. */
export const bookingConsent = {
  version: '2026-11-30',
  text: 'I agree that the clinic may store the details in this form and contact me about this request, as described in the privacy notice.',
} as const

/** What a request says about the preferred service when the visitor is not sure. */
export const notSureService = 'not-sure'

/** Loose on purpose: international formats (+44 20 7946 0958, (604) 555-0123 ext. 4) pass; letters and too few digits do not. */
export function isPlausiblePhone(value: string): boolean {
  if (!/^[+\d\s().\-/]*(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i.test(value)) return false
  const digits = value.replace(/(?:ext\.?|x)\s*\d+$/i, '').replace(/\D/g, '')
  return digits.length >= 6 && digits.length <= 17
}

/**
 * Characters no visitor field keeps: C0 and C1 controls (CR and LF among them: they forge lines in
 * logs and headers), DEL, the Unicode line and paragraph separators and the bidirectional overrides
 * (they make text read differently from what is stored). Each run becomes one space.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const controlRun = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g
/** A one-line field (name, email, phone): every control character goes. */
export const cleanSingleLine = (value: string) => value.replace(controlRun, ' ')
/** A multi-line field (days and times, message): line breaks kept as LF, every other control goes. */
export const cleanMultiLine = (value: string) =>
  value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map(cleanSingleLine)
    .join('\n')

const cleaned = (multiline: boolean) => (value: unknown) => (typeof value === 'string' ? (multiline ? cleanMultiLine : cleanSingleLine)(value) : value)

const text = (max: number, tooLong: string, { required, multiline = false }: { required?: string; multiline?: boolean } = {}) =>
  z.preprocess(cleaned(multiline), required ? z.string().trim().max(max, tooLong).min(1, required) : z.string().trim().max(max, tooLong))

/** The request as both apps validate it. `preferredService` is a service's id, or null for "not sure". */
export const bookingRequestSchema = z.object({
  name: text(bookingLimits.name, `Shorten your name to ${bookingLimits.name} characters or fewer.`, { required: 'Enter your name.' }),
  email: text(bookingLimits.email, 'Enter a shorter email address.', { required: 'Enter your email address, so we can reply.' }).pipe(z.email('Enter an email address in the form name@example.com.')),
  phone: text(bookingLimits.phone, `Shorten the phone number to ${bookingLimits.phone} characters or fewer.`)
    .refine((value) => value === '' || isPlausiblePhone(value), 'Enter a phone number with its digits, e.g. +1 604 555 0123, or leave it empty.')
    .optional(),
  preferredService: z.union([z.string().trim().min(1).max(64), z.number().int().positive()]).nullable(),
  preferredTimes: text(bookingLimits.preferredTimes, `Shorten the days and times to ${bookingLimits.preferredTimes} characters or fewer.`, {
    required: 'Tell us which days and times suit you, e.g. "weekday mornings".',
    multiline: true,
  }),
  message: text(bookingLimits.message, `Shorten the message to ${bookingLimits.message} characters or fewer.`, { multiline: true }).optional(),
  consent: z.literal(true, 'Tick the box to agree, so that we may store your request and reply to it.'),
  consentVersion: z.string().trim().min(1).max(40),
})

export type BookingRequest = z.infer<typeof bookingRequestSchema>

/** Field names of the request as the form and the CMS name them. */
export type BookingField = keyof BookingRequest

/** The first message per field from a failed validation, keyed by field name. */
export function bookingFieldErrors(error: z.ZodError): Partial<Record<BookingField, string>> {
  const errors: Partial<Record<BookingField, string>> = {}
  for (const issue of error.issues) {
    const field = issue.path[0] as BookingField | undefined
    if (field && !errors[field]) errors[field] = issue.message
  }
  return errors
}
