import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The revalidation endpoint as a function: the secret, the body, the tags it purges. Next.js's
 * revalidateTag only works inside a running server, so it is replaced by a recorder here; the
 * end-to-end suite (tests/e2e/02-secret-endpoints) calls the real endpoint over HTTP.
 */

const purged: Array<[string, unknown]> = []
vi.mock('next/cache', () => ({ revalidateTag: (tag: string, profile: unknown) => purged.push([tag, profile]) }))
// What a process holds in memory (the redirect map) follows purges through the purge bus: the real
// one, which without REDIS_URL (as here) hands the tags to this process's listeners.
const announced: Array<readonly string[] | 'everything'> = []
const { onPurge } = await import('@/lib/purge-bus')
onPurge((tags) => announced.push(tags))

const { POST } = await import('./route')
const secret = 'unit-test-revalidate-secret'

const call = (headers: Record<string, string>, body: string) =>
  POST(new NextRequest('http://site.test/api/revalidate', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }))

beforeEach(() => {
  purged.length = 0
  announced.length = 0
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

  it('announces every accepted purge to what the process holds in memory (the redirect map), and nothing refused', async () => {
    await call({ 'x-revalidate-secret': 'wrong' }, JSON.stringify({ tags: ['collection:redirects'] }))
    expect(announced).toEqual([])
    await call({ 'x-revalidate-secret': secret }, JSON.stringify({ tags: ['collection:articles', 'collection:redirects'] }))
    expect(announced).toEqual([['collection:articles', 'collection:redirects']])
    expect(purged.map(([tag]) => tag)).toContain('collection:redirects')
  })
})
