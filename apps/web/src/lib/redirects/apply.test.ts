import { describe, expect, it } from 'vitest'
import { lookupKey, redirectResponse } from './apply'
import { parseRedirectMap } from './map'

const map = parseRedirectMap([
  { from: '/old-page', destination: '/services/deep-tissue', type: '301' },
  { from: '/vouchers', destination: 'https://vouchers.example/clinic?ref=site', type: '302' },
  // Switched off (target unpublished) or malformed: never applied.
  { from: '/switched-off', destination: null, type: '301' },
  { from: '/odd', destination: '/x', type: '307' as never },
])

describe('the redirect map', () => {
  it('keeps only live redirects with a status the site sends', () => {
    expect([...map.keys()]).toEqual(['/old-page', '/vouchers'])
  })

  // SITE_URL is http://site.test in vitest.config.ts: site paths are sent on the site's public address.
  it('answers a matching path with the status and a Location on the site, keeping the query', () => {
    const response = redirectResponse(map, '/old-page/', '?utm_source=flyer')
    expect(response?.status).toBe(301)
    expect(response?.headers.get('location')).toBe('http://site.test/services/deep-tissue?utm_source=flyer')
  })

  it('sends external destinations as they are, their own query winning', () => {
    const response = redirectResponse(map, '/vouchers', '?utm_source=flyer')
    expect(response?.status).toBe(302)
    expect(response?.headers.get('location')).toBe('https://vouchers.example/clinic?ref=site')
  })

  it('lets every other path through', () => {
    expect(redirectResponse(map, '/services', '')).toBeUndefined()
    expect(redirectResponse(map, '/switched-off', '')).toBeUndefined()
    expect(lookupKey('/')).toBe('/')
  })
})

describe('redirects that lead in a circle (left in the CMS by an import or a race)', () => {
  it('are not applied, so a browser is not bounced between them; the rest still are', () => {
    const withLoops = parseRedirectMap([
      { from: '/a', destination: '/b', type: '301' },
      { from: '/b', destination: '/a', type: '301' },
      { from: '/into-loop', destination: '/a', type: '301' },
      { from: '/self', destination: '/self', type: '302' },
      { from: '/one', destination: '/two', type: '301' },
      { from: '/two', destination: '/services', type: '301' },
    ])
    expect([...withLoops.keys()].sort()).toEqual(['/one', '/two'])
    expect(redirectResponse(withLoops, '/a', '')).toBeUndefined()
    expect(redirectResponse(withLoops, '/one', '')?.headers.get('location')).toBe('http://site.test/two')
  })

  it('a long chain is followed at most 20 hops, then treated as a circle', () => {
    const chain = Array.from({ length: 30 }, (_, i) => ({ from: `/p${i}`, destination: `/p${i + 1}`, type: '301' as const }))
    const parsed = parseRedirectMap(chain)
    expect(parsed.has('/p0')).toBe(false)
    expect(parsed.has('/p29')).toBe(true)
  })
})
