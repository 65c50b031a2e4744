import { describe, expect, test } from 'vitest'
import { notePurged } from './purge-log.mjs'
import { startedAtField, withPurgeGuard } from './with-purge-guard.mjs'

/** A stand-in for the shared cache (Redis): one store, read and written by every instance. */
class SharedStore {
  entries = new Map<string, { lastModified: number; value: unknown; tags?: string[] }>()
}

type Handler = {
  get: (key: string, ctx: object) => Promise<{ value: Record<string, unknown> } | null>
  set: (key: string, data: unknown, ctx: object) => Promise<void>
}

/** One site instance: its own purge log and clock, the shared store behind it. */
function instance(store: SharedStore, clock: { now: number }) {
  class StoreHandler {
    constructor(public options: object) {}
    async get(key: string) {
      return store.entries.get(key) ?? null
    }
    async set(key: string, data: unknown, ctx: { tags?: string[] }) {
      store.entries.set(key, { lastModified: clock.now, value: data, tags: ctx.tags })
    }
  }
  const log = new Map<string, number>()
  const handler = new (withPurgeGuard(StoreHandler, { log, now: () => clock.now }))({}) as unknown as Handler
  return { handler, purge: (tags: string[]) => notePurged(tags, clock.now, log) }
}

const pageCtx = { kind: 'APP_PAGE' }
const page = (title: string) => ({ kind: 'APP_PAGE', html: `<h1>${title}</h1>`, status: 200, headers: { 'x-next-cache-tags': '_N_T_/articles/flagship,doc:articles:flagship,collection:articles' } })
const titleOf = (entry: { value: unknown } | null) => (entry ? /<h1>(.*)<\/h1>/.exec(String((entry.value as { html?: string }).html))?.[1] : null)

describe('withPurgeGuard: nothing begun before a purge is kept after it', () => {
  test('a page whose render began before the publish and ended after its purge is not stored; the next render is', async () => {
    const clock = { now: 1_000 }
    const store = new SharedStore()
    const a = instance(store, clock)
    // The render begins (a miss) and reads the CMS: the old title.
    expect(await a.handler.get('/articles/flagship', pageCtx)).toBeNull()
    clock.now = 1_040
    a.purge(['doc:articles:flagship'])
    clock.now = 1_090
    await a.handler.set('/articles/flagship', page('Old title'), {})
    expect(await a.handler.get('/articles/flagship', pageCtx)).toBeNull()
    // The next render begins after the purge: kept, and served.
    clock.now = 1_200
    await a.handler.set('/articles/flagship', page('New title'), {})
    expect(titleOf(await a.handler.get('/articles/flagship', pageCtx))).toBe('New title')
  })

  test('an entry another instance stored after the purge reached it late is not served by one that knew of the purge', async () => {
    const clock = { now: 1_000 }
    const store = new SharedStore()
    const told = instance(store, clock)
    const other = instance(store, clock)
    // The other instance begins rendering; the instance the CMS told purges; the other stores its
    // render before the purge reaches it (over Redis), then hears of it.
    expect(await other.handler.get('/articles/flagship', pageCtx)).toBeNull()
    clock.now = 1_030
    told.purge(['doc:articles:flagship'])
    clock.now = 1_060
    await other.handler.set('/articles/flagship', page('Old title'), {})
    expect(titleOf(store.entries.get('/articles/flagship') ?? null)).toBe('Old title')
    // The told instance never serves it; nor does the other one once the purge reached it.
    expect(await told.handler.get('/articles/flagship', pageCtx)).toBeNull()
    clock.now = 1_061
    other.purge(['doc:articles:flagship'])
    expect(await other.handler.get('/articles/flagship', pageCtx)).toBeNull()
  })

  test('CMS reads: a read begun before a purge of its tags is neither stored nor served; untouched tags are', async () => {
    const clock = { now: 1_000 }
    const store = new SharedStore()
    const a = instance(store, clock)
    const read = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: 'http://cms/api/articles' } })
    const fetchCtx = { kind: 'FETCH', tags: ['doc:articles:flagship'], softTags: ['_N_T_/articles/flagship'] }
    expect(await a.handler.get('fetch-flagship', fetchCtx)).toBeNull()
    expect(await a.handler.get('fetch-settings', { kind: 'FETCH', tags: ['global:settings'] })).toBeNull()
    clock.now = 1_020
    a.purge(['doc:articles:flagship'])
    await a.handler.set('fetch-flagship', read('old'), { fetchCache: true, tags: ['doc:articles:flagship'] })
    await a.handler.set('fetch-settings', read('settings'), { fetchCache: true, tags: ['global:settings'] })
    expect(store.entries.has('fetch-flagship')).toBe(false)
    expect((await a.handler.get('fetch-settings', { kind: 'FETCH', tags: ['global:settings'] }))?.value).toMatchObject({ data: { body: 'settings' } })
    // A read stored before the purge (the shared cache had not deleted it yet) is not served either:
    // a purge of the page's own path tag (a soft tag of the read) counts too.
    clock.now = 1_100
    expect(await a.handler.get('fetch-flagship', fetchCtx)).toBeNull()
    await a.handler.set('fetch-flagship', read('new'), { fetchCache: true, tags: ['doc:articles:flagship'] })
    expect((await a.handler.get('fetch-flagship', fetchCtx))?.value).toMatchObject({ data: { body: 'new' } })
    clock.now = 1_200
    a.purge(['_N_T_/articles/flagship'])
    expect(await a.handler.get('fetch-flagship', fetchCtx)).toBeNull()
  })

  test('each stored value says when its work began; entries from before this guard are served as they are', async () => {
    const clock = { now: 5_000 }
    const store = new SharedStore()
    const a = instance(store, clock)
    expect(await a.handler.get('/team', pageCtx)).toBeNull()
    clock.now = 5_080
    await a.handler.set('/team', page('Team'), {})
    expect(store.entries.get('/team')?.value).toMatchObject({ [startedAtField]: 5_000 })
    store.entries.set('/services', { lastModified: 1, value: page('Services') })
    a.purge(['collection:articles'])
    expect(titleOf(await a.handler.get('/services', pageCtx))).toBe('Services')
    // Optimised images carry no tags: stored and served as they are.
    const image = { kind: 'IMAGE', etag: 'e', extension: 'webp', revalidate: 60 }
    await a.handler.set('image-key', image, {})
    expect(store.entries.get('image-key')?.value).toEqual(image)
  })

  test('a render that failed (a miss never stored) costs at most one extra render, never a page that is not kept', async () => {
    const clock = { now: 1_000 }
    const store = new SharedStore()
    const a = instance(store, clock)
    // A render that threw: nothing stored after its miss.
    expect(await a.handler.get('/articles/flagship', pageCtx)).toBeNull()
    clock.now = 2_000
    a.purge(['doc:articles:flagship'])
    clock.now = 3_000
    // The next render's store is judged by the earlier miss: not kept, once.
    expect(await a.handler.get('/articles/flagship', pageCtx)).toBeNull()
    await a.handler.set('/articles/flagship', page('New title'), {})
    expect(await a.handler.get('/articles/flagship', pageCtx)).toBeNull()
    clock.now = 3_100
    await a.handler.set('/articles/flagship', page('New title'), {})
    expect(titleOf(await a.handler.get('/articles/flagship', pageCtx))).toBe('New title')
  })
})

describe('withPurgeGuard: what it leaves alone, and its bounds', () => {
  test('routes (sitemap, feed, images of pages) are guarded like pages; tags come from the value, the entry and the request', async () => {
    const clock = { now: 1_000 }
    const store = new SharedStore()
    const a = instance(store, clock)
    const feed = { kind: 'APP_ROUTE', body: 'old feed', status: 200, headers: { 'x-next-cache-tags': '_N_T_/feed.xml,collection:articles' } }
    expect(await a.handler.get('/feed.xml', { kind: 'APP_ROUTE' })).toBeNull()
    clock.now = 1_010
    a.purge(['collection:articles'])
    await a.handler.set('/feed.xml', feed, {})
    expect(store.entries.has('/feed.xml')).toBe(false)
    // An entry another instance stored, its tags on the entry (as the shared handler keeps them).
    store.entries.set('/other', { lastModified: 1_020, value: { kind: 'APP_PAGE', html: '', [startedAtField]: 1_005 }, tags: ['collection:articles'] })
    expect(await a.handler.get('/other', pageCtx)).toBeNull()
  })

  test('nothing to store (null) and requests without a context pass through untouched', async () => {
    const clock = { now: 1_000 }
    const store = new SharedStore()
    const a = instance(store, clock)
    await a.handler.set('/gone', null, {})
    expect(store.entries.get('/gone')).toEqual({ lastModified: 1_000, value: null, tags: undefined })
    store.entries.set('/plain', { lastModified: 1, value: { kind: 'IMAGE' } })
    expect(await (a.handler.get as (key: string) => Promise<unknown>)('/plain')).toEqual({ lastModified: 1, value: { kind: 'IMAGE' } })
    // Entries without a value (a cleared key) or tags of other types do not throw.
    store.entries.set('/empty', { lastModified: 1, value: undefined, tags: [1 as unknown as string] })
    a.purge(['1'])
    expect(await a.handler.get('/empty', { kind: 'APP_PAGE' })).toEqual({ lastModified: 1, value: undefined, tags: [1] })
  })

  test('renders under way are remembered for at most 5,000 keys (junk addresses cannot grow it)', async () => {
    const clock = { now: 1_000 }
    const store = new SharedStore()
    const a = instance(store, clock)
    for (let i = 0; i <= 5_000; i++) await a.handler.get(`/junk-${i}`, pageCtx)
    const pending = (a.handler as unknown as { pending: Map<string, number> }).pending
    expect(pending.size).toBe(5_000)
    expect(pending.has('/junk-0')).toBe(false)
    expect(pending.has('/junk-5000')).toBe(true)
  })
})
