import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { refreshFrontCache, whenRefreshesIdle } from './refresh.mjs'
import { recordCachedPage, resetTagPaths } from './tag-paths.mjs'

// A stand-in for nginx that records the site's refreshes (path and encoding) and answers each
// after a short delay, as a page render would take.
let server: Server
let frontUrl = ''
const seen: string[] = []
/** This instance's own renders (no refresh header). */
const ownSeen: string[] = []
/** Paths whose refresh takes longer (a long page). */
const slowPaths = new Set(['/services/c'])
/** Each refresh's arrival (`in /path`) and answer (`out /path`), in order. */
const events: string[] = []
const via: (string | undefined)[] = []
let answerStaleTimes = 0
/** The stand-in's answers: to this instance's own render (no refresh header), and to refreshes. */
let own = { status: 200 }
let refreshAnswer: { status: number; upstream?: string } = { status: 200 }

beforeAll(async () => {
  server = createServer((request, response) => {
    if (!request.headers['x-clinic-refresh']) {
      ownSeen.push(request.url ?? '')
      response.writeHead(own.status)
      response.end('own render')
      return
    }
    seen.push(`${request.url} ${request.headers['accept-encoding']}`)
    events.push(`in ${request.url}`)
    response.on('finish', () => events.push(`out ${request.url}`))
    via.push(request.headers['x-clinic-refresh-via'] as string | undefined)
    const stale = answerStaleTimes > 0
    if (stale) answerStaleTimes -= 1
    setTimeout(() => {
      response.writeHead(refreshAnswer.status, { 'x-nextjs-cache': stale ? 'STALE' : 'MISS', ...(refreshAnswer.upstream ? { 'x-clinic-refresh-upstream': refreshAnswer.upstream } : {}) })
      response.end('ok')
    }, slowPaths.has(request.url ?? '') ? 150 : 30)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  frontUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => server?.close())
afterEach(() => {
  resetTagPaths()
  seen.length = 0
  ownSeen.length = 0
  events.length = 0
  via.length = 0
  answerStaleTimes = 0
  own = { status: 200 }
  refreshAnswer = { status: 200 }
})

const page = (tags: string[]) => ({ kind: 'APP_PAGE', html: '<html></html>', status: 200, headers: { 'x-next-cache-tags': tags.join(',') } })
const options = () => ({ frontCacheUrls: [frontUrl], siteUrl: 'http://site.test', secret: 'refresh-test-secret', selfOrigin: '', concurrency: 1 })
const paths = () => seen.map((line) => line.split(' ')[0] ?? '')

describe('the front cache refresh after a purge', () => {
  test('each page is refreshed in both encodings, the changed page first', async () => {
    recordCachedPage('/articles', page(['collection:articles']))
    recordCachedPage('/articles/a', page(['collection:articles', 'articles:a']))
    const { paths: refreshed, failed } = await refreshFrontCache(['collection:articles', 'articles:a'], options())
    expect(refreshed[0]).toBe('/articles/a')
    expect(failed).toEqual([])
    expect(seen.slice(0, 2).sort()).toEqual(['/articles/a gzip', '/articles/a identity'])
    expect(seen).toHaveLength(4)
  })

  test('a publish right after another: its changed page goes ahead of the lists still waiting from the first', async () => {
    const lists = Array.from({ length: 8 }, (_, i) => `/list-${i}`)
    for (const path of lists) recordCachedPage(path, page(['collection:articles']))
    recordCachedPage('/articles/b', page(['articles:b']))
    const first = refreshFrontCache(['collection:articles'], options())
    // The first purge's refreshes are under way (one page at a time) when the second arrives.
    while (!paths().includes('/list-1')) await new Promise((resolve) => setTimeout(resolve, 2))
    const before = paths().length
    const second = await refreshFrontCache(['articles:b'], options())
    expect(second.failed).toEqual([])
    const position = paths().indexOf('/articles/b')
    // At most the page already being refreshed came before it, not the rest of the queue.
    expect(position).toBeGreaterThanOrEqual(before)
    expect(position, paths().join(' ')).toBeLessThanOrEqual(before + 2)
    await first
    expect(paths().filter((path) => path.startsWith('/list-'))).toHaveLength(lists.length * 2)
  })

  test('while a purge’s own page is refreshed, no list of an earlier purge starts beside it', async () => {
    const lists = Array.from({ length: 6 }, (_, i) => `/waiting-${i}`)
    for (const path of lists) recordCachedPage(path, page(['collection:services']))
    // Its refresh (150 ms) outlasts the lists' (30 ms): the lists under way finish meanwhile.
    recordCachedPage('/services/c', page(['services:c']))
    const first = refreshFrontCache(['collection:services'], { ...options(), concurrency: 2 })
    while (!paths().includes('/waiting-2')) await new Promise((resolve) => setTimeout(resolve, 2))
    await refreshFrontCache(['services:c'], { ...options(), concurrency: 2 })
    await first
    const from = events.indexOf('in /services/c')
    const to = events.lastIndexOf('out /services/c')
    const startedBeside = events.slice(from, to).filter((event) => event.startsWith('in /waiting-'))
    expect(startedBeside, events.join(', ')).toEqual([])
    expect(paths().filter((path) => path.startsWith('/waiting-'))).toHaveLength(lists.length * 2)
  })

  test('background work that waits for the pages (Open Graph images) starts only once every purged page is refreshed', async () => {
    const lists = Array.from({ length: 4 }, (_, i) => `/idle-${i}`)
    for (const path of lists) recordCachedPage(path, page(['collection:exercises']))
    recordCachedPage('/exercises/d', page(['exercises:d', 'collection:exercises']))
    // Nothing under way: at once.
    await whenRefreshesIdle()
    const refresh = refreshFrontCache(['exercises:d', 'collection:exercises'], options())
    while (!paths().includes('/exercises/d')) await new Promise((resolve) => setTimeout(resolve, 2))
    let idleAfter = -1
    const idle = whenRefreshesIdle().then(() => (idleAfter = events.length))
    // A second purge arriving meanwhile is waited for too.
    const again = refreshFrontCache(['exercises:d'], options())
    await Promise.all([refresh, again, idle])
    expect(idleAfter, events.join(', ')).toBe(events.length)
    expect(events.at(-1)).toMatch(/^out \//)
    expect(paths().filter((path) => path.startsWith('/idle-'))).toHaveLength(lists.length * 2)
  })

  test('without a front cache, this instance renders the purged pages at once (the first visitor gets the cached copy)', async () => {
    recordCachedPage('/articles', page(['collection:articles']))
    recordCachedPage('/articles/e', page(['articles:e', 'collection:articles']))
    const { paths: rendered, failed } = await refreshFrontCache(['articles:e', 'collection:articles'], { ...options(), frontCacheUrls: [], selfOrigin: frontUrl })
    expect(rendered[0]).toBe('/articles/e')
    expect(failed).toEqual([])
    expect(ownSeen).toEqual(['/articles/e', '/articles'])
    expect(seen).toEqual([])
    // A render that failed is reported.
    own = { status: 503 }
    const down = await refreshFrontCache(['articles:e'], { ...options(), frontCacheUrls: [], selfOrigin: frontUrl })
    expect(down.failed).toEqual(['/articles/e'])
  })

  test('a path purged again while it waits is refreshed once', async () => {
    const lists = Array.from({ length: 4 }, (_, i) => `/again-${i}`)
    for (const path of lists) recordCachedPage(path, page(['collection:team']))
    recordCachedPage('/team', page(['collection:team', 'global:team-page']))
    await Promise.all([refreshFrontCache(['collection:team'], options()), refreshFrontCache(['collection:team'], options())])
    // Each purge's first page runs at once, and the page being refreshed when the second purge came
    // runs again (its render may predate that purge); the pages still waiting run once.
    for (const path of [...lists.slice(2), '/team']) expect(paths().filter((p) => p === path), path).toHaveLength(2)
    expect(seen.length).toBeLessThan(2 * 5 * 2)
  })

  test('every refresh names this instance, so the front cache asks it and no other instance', async () => {
    recordCachedPage('/articles/d', page(['articles:d', 'collection:articles']))
    recordCachedPage('/articles', page(['collection:articles']))
    const { failed } = await refreshFrontCache(['articles:d', 'collection:articles'], { ...options(), instanceAddress: '10.0.0.11:3000' })
    expect(failed).toEqual([])
    expect(seen).toHaveLength(4)
    expect(via).toEqual(['10.0.0.11:3000', '10.0.0.11:3000', '10.0.0.11:3000', '10.0.0.11:3000'])
  })

  test('answered by this instance itself, a status other than its render a moment before is the truth (a redirect deleted in between), not retried', async () => {
    recordCachedPage('/articles/e', page(['articles:e']))
    own = { status: 308 }
    refreshAnswer = { status: 404, upstream: 'clinic_site_instance_1' }
    const started = Date.now()
    const { failed } = await refreshFrontCache(['articles:e'], { ...options(), selfOrigin: frontUrl, instanceAddress: '127.0.0.1:1' })
    expect(failed).toEqual([])
    expect(seen).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  test('balanced to any instance (the front cache does not know this address), a status other than this instance’s is asked again', async () => {
    recordCachedPage('/articles/f', page(['articles:f']))
    own = { status: 404 }
    refreshAnswer = { status: 200, upstream: 'clinic_site' }
    const { failed, problems } = await refreshFrontCache(['articles:f'], { ...options(), selfOrigin: frontUrl, instanceAddress: '127.0.0.1:1' })
    expect(failed).toEqual(['/articles/f'])
    expect(problems['/articles/f']).toBe('answered 200 while this instance answers 404')
    // Both encodings, each asked 21 times.
    expect(seen).toHaveLength(42)
  })

  test('an answer the site calls stale is asked for again, not counted as done', async () => {
    recordCachedPage('/articles/c', page(['articles:c']))
    answerStaleTimes = 2
    const { failed } = await refreshFrontCache(['articles:c'], options())
    expect(failed).toEqual([])
    // Two stale answers, then fresh ones for both encodings.
    expect(seen.length).toBe(4)
  })
})
