import { describe, expect, it } from 'vitest'
import { validateLink } from './url'

/** Where a browser sends a visitor who follows `href` on a page of the site (WHATWG URL parser). */
const leavesSite = (href: string) => {
  try {
    return new URL(href, 'https://clinic.example/services/x').host !== 'clinic.example'
  } catch {
    return true
  }
}

// Generated: each spelling of "two slashes" browsers accept, with the gaps they ignore.
const starts = ['/', '\\']
const gaps = ['', '\t', '\n', '\r\n']
const hostile = starts.flatMap((a) => starts.flatMap((b) => gaps.map((gap) => `${a}${gap}${b}evil.example/refund`)))

describe('validateLink (CTA and button links, navigation, footer, announcement, booking links)', () => {
  it.each(['/book', '/services/deep-tissue?from=home#prices', 'https://booking.example/clinic', 'mailto:hello@clinic.example', 'tel:+12505550142'])(
    '%s is accepted',
    (value) => {
      expect(validateLink(value)).toBe(true)
    },
  )

  it.each(hostile)('%j is refused with a message (a browser would leave the site)', (value) => {
    expect(validateLink(value)).toMatch(/\w/)
  })

  it('no generated value that a browser resolves off-site is accepted as a path', () => {
    const offSite = hostile.filter((value) => leavesSite(value))
    expect(offSite.length).toBeGreaterThanOrEqual(8)
    expect(offSite.filter((value) => validateLink(value) === true)).toEqual([])
  })

  it('the message says what to do', () => {
    expect(validateLink('/\\evil.example/x')).toContain('Use "/" in a path, not "\\"')
    expect(validateLink('//evil.example/x')).toContain('another website')
  })
})
