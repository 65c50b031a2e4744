import { describe, expect, test } from 'vitest'
import { withBoundedMisses } from './with-bounded-misses.mjs'

/** A stand-in for Next.js's handler: a Map, recording what it was given. */
class MemoryHandler {
  entries = new Map<string, { value: unknown }>()
  purged: unknown[] = []
  constructor(public options: object) {}
  async get(key: string) {
    return this.entries.get(key) ?? null
  }
  async set(key: string, data: unknown) {
    this.entries.set(key, { value: data })
  }
  async revalidateTag(tags: unknown) {
    this.purged.push(tags)
  }
}

type Handler = MemoryHandler & { misses: Map<string, unknown> }
const make = (options?: { limit?: number; ttlMs?: number }) => new (withBoundedMisses(MemoryHandler, options))({}) as unknown as Handler

const page = (status: number) => ({ kind: 'APP_PAGE', html: '<html></html>', status })
const read = (json: string) => ({ kind: 'FETCH', data: { headers: {}, body: Buffer.from(json).toString('base64'), url: 'http://cms/api/articles' } })

describe('withBoundedMisses', () => {
  test('real pages and reads go to the page cache; 404s and empty reads do not', async () => {
    const handler = make()
    await handler.set('/articles/flagship', page(200))
    await handler.set('/articles/junk', page(404))
    await handler.set('fetch-real', read('{"docs":[{"id":1}],"totalDocs":1}'))
    await handler.set('fetch-empty', read('{"docs":[],"totalDocs":0,"page":1}'))
    expect([...handler.entries.keys()]).toEqual(['/articles/flagship', 'fetch-real'])
    // Still served, from the misses LRU.
    expect((await handler.get('/articles/junk'))?.value).toEqual(page(404))
    expect((await handler.get('fetch-empty'))?.value).toEqual(read('{"docs":[],"totalDocs":0,"page":1}'))
  })

  test('thousands of junk addresses keep at most `limit` misses and never touch a real page', async () => {
    const handler = make({ limit: 50 })
    await handler.set('/articles/flagship', page(200))
    for (let i = 0; i < 2000; i++) await handler.set(`/articles/junk-${i}`, page(404))
    expect(handler.misses.size).toBe(50)
    expect(handler.entries.size).toBe(1)
    expect((await handler.get('/articles/flagship'))?.value).toEqual(page(200))
    expect(await handler.get('/articles/junk-0')).toBeNull()
  })

  test('a publish (any tag purge) forgets every miss: a slug that was missing may exist now', async () => {
    const handler = make()
    await handler.set('/articles/new', page(404))
    await handler.revalidateTag(['articles'])
    expect(await handler.get('/articles/new')).toBeNull()
    expect(handler.purged).toEqual([['articles']])
  })

  test('with a time limit, a miss expires', async () => {
    const handler = make({ ttlMs: 0 })
    await handler.set('/articles/new', page(404))
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await handler.get('/articles/new')).toBeNull()
  })

  test('a 5xx answer (an image refused while too many wait, a CMS outage) is never kept: the entry before it stays', async () => {
    const handler = make()
    const image = (status: number) => ({ kind: 'APP_ROUTE', status, body: Buffer.from('png'), headers: {} })
    await handler.set('/og/articles/cold', image(503))
    expect(await handler.get('/og/articles/cold')).toBeNull()
    await handler.set('/og/articles/warm', image(200))
    await handler.set('/og/articles/warm', image(503))
    await handler.set('/articles/flagship', page(200))
    await handler.set('/articles/flagship', page(500))
    expect((await handler.get('/og/articles/warm'))?.value).toEqual(image(200))
    expect((await handler.get('/articles/flagship'))?.value).toEqual(page(200))
    expect(handler.misses.size).toBe(0)
  })
})
