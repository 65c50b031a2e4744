import { describe, expect, it } from 'vitest'
import { normaliseFromPath, normaliseTargetUrl } from './paths'

const site = 'https://clinic.example'

describe('normaliseFromPath', () => {
  it.each([
    ['/old-page', '/old-page'],
    ['  /old-page/  ', '/old-page'],
    ['/articles//old/', '/articles/old'],
    ['/old-page?utm_source=x#top', '/old-page'],
    ['https://clinic.example/old-page/', '/old-page'],
    ['/Ölpage', '/%C3%96lpage'],
  ])('%j becomes %j', (input, expected) => {
    expect(normaliseFromPath(input, site)).toEqual({ path: expected })
  })

  it.each([
    ['', /Enter the old address/],
    ['old-page', /single slash/],
    ['//evil.example/x', /single slash/],
    ['/\\evil.example', /single slash/],
    ['https://evil.example/old', /this site's own addresses/],
    ['javascript:alert(1)', /this site's own addresses|not an address/],
    ['/', /home page/],
    ['/api/users', /machinery/],
    ['/_next/static/x.js', /machinery/],
  ])('refuses %j', (input, message) => {
    const result = normaliseFromPath(input, site)
    expect('error' in result && result.error).toMatch(message)
  })
})

describe('normaliseTargetUrl', () => {
  it('keeps an external address as typed', () => {
    expect(normaliseTargetUrl('https://partner.example/page?a=1', site)).toEqual({ url: 'https://partner.example/page?a=1', external: true })
  })
  it('reduces a same-site address to its path', () => {
    expect(normaliseTargetUrl('https://clinic.example/services/', site)).toEqual({ url: '/services', external: false })
  })
  it.each(['javascript:alert(1)', 'ftp://files.example/x', 'services'])('refuses %j', (input) => {
    expect(normaliseTargetUrl(input, site)).toHaveProperty('error')
  })
})
