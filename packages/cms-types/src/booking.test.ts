import { describe, expect, it } from 'vitest'
import { bookingConsent, bookingFieldErrors, bookingRequestSchema, isPlausiblePhone } from './booking'

const valid = {
  name: 'Ada Visitor',
  email: 'ada@example.com',
  phone: '+44 20 7946 0958',
  preferredService: null,
  preferredTimes: 'Weekday mornings',
  message: '',
  consent: true as const,
  consentVersion: bookingConsent.version,
}

describe('booking request rules', () => {
  it('accepts a complete request', () => {
    expect(bookingRequestSchema.safeParse(valid).success).toBe(true)
  })

  it.each(['+1 (604) 555-0123', '020 7946 0958', '+33 1 23 45 67 89', '604.555.0123 ext. 12', '0049/30/123456'])('accepts the phone number %s', (phone) => {
    expect(isPlausiblePhone(phone)).toBe(true)
  })

  it.each(['call me', '12345', '+1 604 555 0123 <script>', '1'.repeat(20)])('refuses the phone number %s', (phone) => {
    expect(isPlausiblePhone(phone)).toBe(false)
  })

  it('names each wrong field with a message a person can act on', () => {
    const result = bookingRequestSchema.safeParse({ ...valid, name: ' ', email: 'ada@', consent: false, message: 'x'.repeat(1001) })
    expect(result.success).toBe(false)
    const errors = bookingFieldErrors(result.error!)
    expect(errors).toEqual({
      name: 'Enter your name.',
      email: 'Enter an email address in the form name@example.com.',
      consent: 'Tick the box to agree, so that we may store your request and reply to it.',
      message: 'Shorten the message to 1000 characters or fewer.',
    })
  })
})
