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

describe('control characters in visitor fields', () => {
  it('strips CR, LF and every other control from one-line fields, so a name cannot forge a line', () => {
    const result = bookingRequestSchema.parse({
      ...valid,
      name: 'Ada\r\nBcc: victim@example.com\r\nX-Injected: yes\u0000\u001b[31m\u0085\u2028\u202e',
      phone: '+44 20\t7946 0958',
    })
    expect(result.name).toBe('Ada Bcc: victim@example.com X-Injected: yes [31m')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
    expect(result.name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]/)
    expect(result.phone).toBe('+44 20 7946 0958')
  })

  it('keeps line breaks (as LF) in the multi-line fields, and strips the rest', () => {
    const result = bookingRequestSchema.parse({ ...valid, preferredTimes: 'Mon\r\nTue\rWed\u2028Thu', message: 'Back pain\u0007\r\n\u001b[2Jsince May' })
    expect(result.preferredTimes).toBe('Mon\nTue\nWed\nThu')
    expect(result.message).toBe('Back pain \n [2Jsince May')
  })

  it('an email address with a line break in it is refused, not cleaned into another address', () => {
    const result = bookingRequestSchema.safeParse({ ...valid, email: 'ada@example.com\r\nbcc@example.com' })
    expect(result.success).toBe(false)
  })

  it('a name of only control characters is an empty name', () => {
    const result = bookingRequestSchema.safeParse({ ...valid, name: '\r\n\u0000' })
    expect(result.success).toBe(false)
    if (!result.success) expect(bookingFieldErrors(result.error).name).toBe('Enter your name.')
  })
})
