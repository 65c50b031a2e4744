import { describe, expect, it } from 'vitest'
import { isSitePath, sitePathProblem } from './links'

/** Where a browser sends a visitor who follows `href` on a page of the site. */
const browserDestination = (href: string) => new URL(href, 'https://clinic.example/articles/x').host

// Generated: every way of spelling "two slashes" a browser accepts, with hosts and paths after it.
const slashes = ['/', '\\']
const separators = ['', '\t', '\n', '\r', '\t\n']
const offSite = slashes.flatMap((a) => slashes.flatMap((b) => separators.map((gap) => `${a}${gap}${b}evil.example/x`)))

describe('sitePathProblem (a site path is a site path)', () => {
  it.each(['/book', '/articles/deep-tissue', '/services?x=1#top', '/a/../b', '/search?q=a\\b', '/%5Cevil.example'])('%s stays on the site', (value) => {
    expect(sitePathProblem(value)).toBeUndefined()
    expect(browserDestination(value)).toBe('clinic.example')
  })

  it.each(offSite)('%j leaves the site in a browser, and is refused', (value) => {
    // The premise: only values that start with a slash and that a browser really resolves off-site
    // (or to a broken address) are in this list.
    if (value.startsWith('/') && !value.startsWith('//') && !/[\\\s]/.test(value)) throw new Error(`not a hostile case: ${value}`)
    expect(isSitePath(value)).toBe(false)
  })

  it('every generated value a browser resolves off-site is refused (none slips through)', () => {
    const leaking = offSite.filter((value) => value.startsWith('/') && browserDestination(value) !== 'clinic.example')
    expect(leaking.length).toBeGreaterThanOrEqual(10)
    expect(leaking.filter(isSitePath)).toEqual([])
  })

  it.each(['book', 'https://clinic.example/book', 'javascript:alert(1)', '/with space', '/\\evil.example'])('%j gets a message a person can act on', (value) => {
    expect(sitePathProblem(value)).toMatch(/\w/)
  })
})
