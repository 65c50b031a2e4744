import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The revalidation endpoint as a function: the secret, the body, the tags it purges. Next.js's
 * revalidateTag only works inside a running server, so it is replaced by a recorder here; the
 * end-to-end suite (tests/e2e/02-secret-endpoints) calls the real endpoint over HTTP.
 */

const purged: Array<[string, unknown]> = []
vi.mock('next/cache', () => ({ revalidateTag: (tag: string, profile: unknown) => purged.push([tag, profile]) }))
// The redirect map lives in the server's memory: the route marks it stale when redirects change.
const staleMarks = { count: 0 }
vi.mock('@/lib/redirects/map', () => ({ markRedirectMapStale: () => staleMarks.count++ }))

const { POST } = await import('./route')
const secret = 'unit-test-revalidate-secret'

const call = (headers: Record<string, string>, body: string) =>
  POST(new NextRequest('http://site.test/api/revalidate', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }))

beforeEach(() => {
  purged.length = 0
  staleMarks.count = 0
})

describe('POST /api/revalidate', () => {
  it.each([
    ['no secret', {}],
    ['an empty secret', { 'x-revalidate-secret': '' }],
    ['a wrong secret', { 'x-revalidate-secret': 'unit-test-revalidate-secreT' }],
    ['the secret under another name', { authorization: secret }],
  ])('refuses %s with 401, purging nothing', async (_label, headers) => {
    const response = await call(headers, JSON.stringify({ tags: ['collection:articles'] }))
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'Missing or wrong revalidation secret.' })
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(purged).toEqual([])
  })

  it('purges each tag once, at once (no stale window), and says which', async () => {
    const response = await call({ 'x-revalidate-secret': secret }, JSON.stringify({ tags: ['collection:articles', 'doc:articles:x', 'collection:articles'] }))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as { revalidated: string[]; now: number }
    expect(body.revalidated).toEqual(['collection:articles', 'doc:articles:x'])
    expect(typeof body.now).toBe('number')
    expect(purged).toEqual([
      ['collection:articles', { expire: 0 }],
      ['doc:articles:x', { expire: 0 }],
    ])
  })

  it('a body that is not JSON is a 400', async () => {
    const response = await call({ 'x-revalidate-secret': secret }, '{oops')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'The body must be JSON.' })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('JSON without tags is a 400 that says what to send', async () => {
    const response = await call({ 'x-revalidate-secret': secret }, JSON.stringify({ tags: [] }))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'Send JSON like {"tags": ["collection:articles"]} with 1 to 200 tags.' })
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(purged).toEqual([])
  })

  it('a purge of the redirects makes the site read its redirect map again; other purges leave it', async () => {
    await call({ 'x-revalidate-secret': secret }, JSON.stringify({ tags: ['collection:articles', 'doc:redirects:1'] }))
    expect(staleMarks.count).toBe(0)
    await call({ 'x-revalidate-secret': secret }, JSON.stringify({ tags: ['collection:articles', 'collection:redirects'] }))
    expect(staleMarks.count).toBe(1)
    expect(purged.map(([tag]) => tag)).toContain('collection:redirects')
  })
})
