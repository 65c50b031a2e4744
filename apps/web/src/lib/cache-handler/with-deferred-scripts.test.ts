import { describe, expect, test } from 'vitest'
import { loaderMarker } from '../html/defer-app-scripts.mjs'
import { withDeferredScripts } from './with-deferred-scripts.mjs'

const html = '<html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><h1>Hi</h1></body></html>'

/** A stand-in for Next.js's handler: a Map, recording what it was given. */
class MemoryHandler {
  static last: MemoryHandler
  entries = new Map<string, { value: unknown }>()
  calls: unknown[][] = []
  constructor(public options: object) {
    MemoryHandler.last = this
  }
  async get(key: string) {
    return this.entries.get(key) ?? null
  }
  async set(key: string, data: unknown) {
    this.entries.set(key, { value: data })
  }
  async revalidateTag(...args: unknown[]) {
    this.calls.push(['revalidateTag', ...args])
  }
  resetRequestCache() {
    this.calls.push(['resetRequestCache'])
  }
}

type Handler = {
  get: (key: string, ctx?: object) => Promise<{ value: { kind: string; html?: string; body?: unknown } } | null>
  set: (key: string, data: unknown, ctx?: object) => Promise<void>
  revalidateTag: (...args: unknown[]) => Promise<void>
  resetRequestCache: () => void
}
const make = (options: object = { flushToDisk: false }) => new (withDeferredScripts(MemoryHandler))(options) as unknown as Handler

describe('withDeferredScripts', () => {
  test('gives the inner handler the options Next.js passed', () => {
    make({ maxMemoryCacheSize: 32 })
    expect(MemoryHandler.last.options).toEqual({ maxMemoryCacheSize: 32 })
  })

  test('stores pages rewritten, without changing the object Next.js handed over', async () => {
    const handler = make()
    const page = { kind: 'APP_PAGE', html, rscData: Buffer.from('rsc') }
    await handler.set('/x', page, {})
    expect(page.html).toBe(html)
    const stored = MemoryHandler.last.entries.get('/x')!.value as { html: string; rscData: Buffer }
    expect(stored.html).toContain(loaderMarker)
    expect(stored.html).not.toContain('<script src="/_next/static/chunks/a.js"')
    expect(stored.rscData.toString()).toBe('rsc')
  })

  test('rewrites pages it reads that were stored before (the build writes them to disk itself)', async () => {
    const handler = make()
    MemoryHandler.last.entries.set('/built', { value: { kind: 'APP_PAGE', html } })
    expect((await handler.get('/built'))!.value.html).toContain(loaderMarker)
  })

  test('passes everything that is not a page through untouched', async () => {
    const handler = make()
    const route = { kind: 'APP_ROUTE', body: Buffer.from(html) }
    const fetched = { kind: 'FETCH', data: { body: html } }
    await handler.set('/feed.xml', route, {})
    await handler.set('fetch-key', fetched, {})
    expect(MemoryHandler.last.entries.get('/feed.xml')!.value).toBe(route)
    expect(MemoryHandler.last.entries.get('fetch-key')!.value).toBe(fetched)
    expect(await handler.get('missing')).toBeNull()
    await handler.set('/gone', null, {})
    expect(MemoryHandler.last.entries.get('/gone')!.value).toBeNull()
  })

  test('hands tag purges and request resets to the inner handler', async () => {
    const handler = make()
    await handler.revalidateTag(['articles'], { expire: 0 })
    handler.resetRequestCache()
    expect(MemoryHandler.last.calls).toEqual([['revalidateTag', ['articles'], { expire: 0 }], ['resetRequestCache']])
  })
})
