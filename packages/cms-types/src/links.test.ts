import { describe, expect, it } from 'vitest'
import { isAllowedLink, isSitePath, linkProblem, sitePathProblem } from './links'

/** Where a browser sends a visitor who follows `href` on a page of the site. */
const browserDestination = (href: string) => new URL(href, 'https://clinic.example/articles/x').host

// Generated: every way of spelling "two slashes" a browser accepts, with hosts and paths after it.
const slashes = ['/', '\\']
const separators = ['', '\t', '\n', '\r', '\t\n']
const offSite = slashes.flatMap((a) => slashes.flatMap((b) => separators.map((gap) => `${a}${gap}${b}evil.example/x`)))

describe('sitePathProblem (a site path is a site path)', () => {
  it.each(['/book', '/articles/deep-tissue', '/services?x=1#top', '/a/../b', '/search?q=a\\b', '/search?q=a%2Fb%5C'])('%s stays on the site', (value) => {
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

  // Encoded "\\" and "/" stay on the site in the browser, but a server that decodes before it redirects
  // (a trailing-slash redirect, a rewrite) would hand the browser `/\\evil.example`: refused too.
  it.each(['/%5Cevil.example', '/%5cevil.example/', '/%2F%2Fevil.example', '/%09/evil.example'])('%j (an encoded separator or control character) is refused', (value) => {
    expect(sitePathProblem(value)).toMatch(/encoded/)
  })

  it.each(['/..//evil.example', '/a/..//evil.example', '/.//evil.example'])('%j (resolves to a path starting with //, which a redirect would send off-site) is refused', (value) => {
    expect(sitePathProblem(value)).toMatch(/another website/)
  })

  it.each(['book', 'https://clinic.example/book', 'javascript:alert(1)', '/with space', '/\\evil.example'])('%j gets a message a person can act on', (value) => {
    expect(sitePathProblem(value)).toMatch(/\w/)
  })
})

describe('linkProblem (every link staff enter: CTA, navigation, sources, rich text; and the site renderer)', () => {
  it.each(['/book', '#prices', 'https://www.example.org/a?b=c', 'http://example.org', 'mailto:hello@clinic.example', 'tel:+12505550142'])('%j is allowed', (value) => {
    expect(linkProblem(value)).toBeUndefined()
  })

  const refused = [
    ...offSite,
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'evil.example',
    'https:\\\\evil.example',
    'https:/evil.example',
    '#a b',
    '',
  ]
  it.each(refused)('%j is refused with a message', (value) => {
    expect(linkProblem(value)).toMatch(/\w{3}/)
    expect(isAllowedLink(value)).toBe(false)
  })

  it('what it allows is a path a browser keeps on the site, a fragment, or a web, mail or phone address', () => {
    for (const value of [...offSite, ...refused, '/book', '#x', 'https://a.example', 'tel:1']) {
      if (!isAllowedLink(value)) continue
      const url = new URL(value, 'https://clinic.example/articles/x')
      expect(url.host === 'clinic.example' || ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol), value).toBe(true)
      if (value.startsWith('/') || value.startsWith('#')) expect(url.host, value).toBe('clinic.example')
    }
  })
})
