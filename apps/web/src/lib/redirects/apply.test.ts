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
