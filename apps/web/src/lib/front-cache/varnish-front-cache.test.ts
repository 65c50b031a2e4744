// The tag-purging front cache (deploy/varnish: Varnish 7 with xkey; measured against the shipped
// nginx, not shipped) against a real varnishd, and the site's purge after a publish
// (refresh.mjs with FRONT_CACHE_URL=varnish+…) against it. A small upstream stands in for the site:
// it renders each path with a counter and sends its tags as Surrogate-Key, as the site's cache
// handler does (surrogate-keys.mjs). The full stack's figures come from `pnpm bench --front=varnish`.
import { existsSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type * as VarnishModule from '../../../../../deploy/varnish/front-cache.mjs'
import { addSurrogateKeys, surrogateKeysWanted } from './surrogate-keys.mjs'
import { frontCacheOf, refreshFrontCache } from './refresh.mjs'
import { recordCachedPage, resetTagPaths } from './tag-paths.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
/** The repository's deploy/varnish, found upwards (this file may run from a copy of apps/web). */
function deployDir(): string {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'deploy', 'varnish')
    if (existsSync(path.join(candidate, 'clinic.vcl.template'))) return candidate
    if (path.dirname(dir) === dir) throw new Error('deploy/varnish/clinic.vcl.template not found above this test')
  }
}
const { startVarnishFrontCache } = (await import(pathToFileURL(path.join(deployDir(), 'front-cache.mjs')).href)) as typeof VarnishModule
const secret = 'varnish-front-cache-test-secret'

/** The stand-in site: each path's tags and answer; every request it got (not its health probe). */
const tagsOf: Record<string, string[]> = {
  '/articles/a': ['collection:articles', 'doc:articles:a', '_N_T_/articles/a'],
  '/articles': ['collection:articles', '_N_T_/articles'],
  '/services': ['collection:services', '_N_T_/services'],
  '/search': ['collection:articles', 'collection:services'],
}
const special: Record<string, { status?: number; headers?: Record<string, string> }> = {
  '/private': { headers: { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' } },
  '/no-store': { headers: { 'cache-control': 'no-store' } },
  '/no-cache': { headers: { 'cache-control': 'no-cache' } },
  '/stale': { headers: { 'x-nextjs-cache': 'STALE' } },
  '/broken': { status: 500 },
  '/missing': { status: 404 },
  '/moved': { status: 308, headers: { location: '/services' } },
  '/cookie': { headers: { 'set-cookie': 'session=1; Path=/; HttpOnly' } },
}
const renders = new Map<string, number>()
const requests: { url: string; headers: IncomingHttpHeaders }[] = []
let site: Server
let siteUrl = ''
let front: Awaited<ReturnType<typeof startVarnishFrontCache>>

beforeAll(async () => {
  site = createServer((request, response) => {
    const url = request.url ?? '/'
    if (url === '/api/health') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"status":"ok"}')
      return
    }
    requests.push({ url, headers: request.headers })
    const pathOnly = url.split('?')[0]!
    const count = (renders.get(url) ?? 0) + 1
    renders.set(url, count)
    const extra = special[pathOnly] ?? {}
    const tags = tagsOf[pathOnly] ?? ['collection:other']
    response.writeHead(extra.status ?? 200, {
      'content-type': 'text/html; charset=utf-8',
      'surrogate-key': tags.join(' '),
      vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
      ...extra.headers,
    })
    response.end(`<h1>render ${count} of ${url} (${request.headers['accept-encoding'] ?? 'identity'})</h1>`)
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  front = await startVarnishFrontCache({ siteUrl, refreshSecret: secret })
}, 60_000)

afterAll(async () => {
  await front?.stop()
  await new Promise((resolve) => site?.close(resolve))
})

beforeEach(() => {
  resetTagPaths()
})

type Answer = { status: number; cache: string | null; body: string; headers: Headers }
async function get(urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${front.url}${urlPath}`, { headers: { 'accept-encoding': 'identity', ...headers }, redirect: 'manual' })
  return { status: response.status, cache: response.headers.get('x-cache-status'), body: await response.text(), headers: response.headers }
}
const purge = (headers: Record<string, string>, method = 'PURGE') => fetch(`${front.url}/`, { method, headers })
const hitsOf = (urlPath: string) => requests.filter((r) => r.url === urlPath).length

describe('Varnish with xkey as the front cache (deploy/varnish)', () => {
  test('a page is stored, whatever the query string, apart per encoding; its tags are not shown to visitors', async () => {
    const first = await get('/articles/a')
    expect(first.status).toBe(200)
    expect(first.cache).toBe('MISS')
    const again = await get('/articles/a?utm_source=flyer')
    expect(again.cache).toBe('HIT')
    expect(again.body).toBe(first.body)
    expect(again.headers.get('surrogate-key')).toBeNull()
    expect(again.headers.get('xkey')).toBeNull()
    const gzip = await get('/articles/a', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(gzip.body).toContain('(gzip)')
    expect((await get('/articles/a', { 'accept-encoding': 'gzip' })).cache).toBe('HIT')
    // /search reads its query: one copy per query.
    const a = await get('/search?q=back')
    const b = await get('/search?q=neck')
    expect(a.body).not.toBe(b.body)
    expect((await get('/search?q=back')).body).toBe(a.body)
  })

  test('a purge needs the secret: without it, or with a wrong one, 403 and the page stays; BAN is refused', async () => {
    const before = await get('/services')
    const refused: Record<string, string>[] = [{ 'xkey-purge': 'collection:services' }, { 'xkey-purge': 'collection:services', 'x-clinic-refresh': 'not-the-secret-at-all' }]
    for (const headers of refused) {
      const response = await purge(headers)
      expect(response.status).toBe(403)
    }
    expect((await purge({ 'xkey-purge': 'collection:services' }, 'BAN')).status).toBe(405)
    const after = await get('/services')
    expect(after.cache).toBe('HIT')
    expect(after.body).toBe(before.body)
    // And the secret never reaches the site, even on a page fetch.
    await get('/articles', { 'x-clinic-refresh': 'not-the-secret-at-all' })
    expect(requests.every((r) => r.headers['x-clinic-refresh'] === undefined)).toBe(true)
  })

  test("the site's purge after a publish (varnish+): the tagged pages are replaced and refilled, an untagged page stays", async () => {
    const article = await get('/articles/a')
    const list = await get('/articles')
    const services = await get('/services')
    const gzipArticle = await get('/articles/a', { 'accept-encoding': 'gzip' })
    recordCachedPage('/articles/a', { kind: 'APP_PAGE', status: 200, headers: { 'x-next-cache-tags': tagsOf['/articles/a']!.join(',') } })
    const { failed, problems } = await refreshFrontCache(['doc:articles:a', 'collection:articles'], { frontCacheUrls: [`varnish+${front.url}`], siteUrl: front.url, secret, selfOrigin: siteUrl })
    expect(problems).toEqual({})
    expect(failed).toEqual([])
    // Refilled: the next visitor gets the new copy from the cache, in both encodings.
    const newArticle = await get('/articles/a')
    expect(newArticle.body).not.toBe(article.body)
    expect(newArticle.cache).toBe('HIT')
    const newGzip = await get('/articles/a', { 'accept-encoding': 'gzip' })
    expect(newGzip.body).not.toBe(gzipArticle.body)
    expect(newGzip.cache).toBe('HIT')
    // The list carries collection:articles: purged (not recorded here, so fetched by its visitor).
    const newList = await get('/articles')
    expect(newList.body).not.toBe(list.body)
    // Services carries neither tag: the same copy.
    const sameServices = await get('/services')
    expect(sameServices.cache).toBe('HIT')
    expect(sameServices.body).toBe(services.body)
  })

  test('purge only (varnish-purge+): the tagged page is gone and its next visitor fetches the new one', async () => {
    const before = await get('/articles/a')
    expect((await get('/articles/a')).cache).toBe('HIT')
    const fetched = hitsOf('/articles/a')
    const { failed } = await refreshFrontCache(['doc:articles:a'], { frontCacheUrls: [`varnish-purge+${front.url}`], siteUrl: front.url, secret, selfOrigin: '' })
    expect(failed).toEqual([])
    expect(hitsOf('/articles/a')).toBe(fetched)
    const after = await get('/articles/a')
    expect(after.cache).toBe('MISS')
    expect(after.body).not.toBe(before.body)
  })

  test('a purge the cache refuses is reported, not ignored', async () => {
    const { failed, problems } = await refreshFrontCache(['doc:articles:a'], { frontCacheUrls: [`varnish-purge+${front.url}`], siteUrl: front.url, secret: 'a-wrong-secret-for-this-cache', selfOrigin: '' })
    expect(failed).toHaveLength(1)
    expect(Object.values(problems)[0]).toMatch(/answered 403/)
  })

  test.each([
    ['private', '/private', {}],
    ['no-store', '/no-store', {}],
    ['no-cache', '/no-cache', {}],
    ['the site calls it stale', '/stale', {}],
    ['5xx', '/broken', {}],
    ["a visitor's 404", '/missing', {}],
    ["a visitor's redirect", '/moved', {}],
    ['an answer that sets a cookie', '/cookie', {}],
    ['a draft-mode preview', '/services?p=1', { cookie: 'theme=dark; __prerender_bypass=abc' }],
    ["the site's preview cookie", '/services?p=2', { cookie: 'clinic-preview-token=abc' }],
    ['an RSC request', '/services?p=3', { rsc: '1' }],
    ['a router prefetch', '/services?p=4', { 'next-router-prefetch': '1' }],
    ['an _rsc query', '/services?_rsc=abc', {}],
  ])('never stored: %s', async (_name, urlPath, headers: Record<string, string>) => {
    const before = hitsOf(urlPath)
    const first = await get(urlPath, headers)
    const second = await get(urlPath, headers)
    expect(second.cache).not.toBe('HIT')
    expect(second.body).not.toBe(first.body)
    expect(hitsOf(urlPath) - before).toBe(2)
  })

  test('a visitor with an analytics cookie still gets the shared copy', async () => {
    const plain = await get('/services')
    const withCookie = await get('/services', { cookie: '_ga=GA1.2.3' })
    expect(withCookie.cache).toBe('HIT')
    expect(withCookie.body).toBe(plain.body)
  })
})

describe('Surrogate-Key on the site', () => {
  test('only when FRONT_CACHE_URL names a tag-purging cache', () => {
    expect(surrogateKeysWanted(undefined)).toBe(false)
    expect(surrogateKeysWanted('http://127.0.0.1:8080')).toBe(false)
    expect(surrogateKeysWanted('http://127.0.0.1:8080, varnish+http://127.0.0.1:6081')).toBe(true)
    expect(surrogateKeysWanted('varnish-purge+http://10.0.0.5:6081')).toBe(true)
    expect(frontCacheOf('http://127.0.0.1:8080')).toEqual({ origin: 'http://127.0.0.1:8080', purgeByTag: false, refill: true })
    expect(frontCacheOf('varnish+http://127.0.0.1:6081')).toEqual({ origin: 'http://127.0.0.1:6081', purgeByTag: true, refill: true })
    expect(frontCacheOf('varnish-purge+http://127.0.0.1:6081')).toEqual({ origin: 'http://127.0.0.1:6081', purgeByTag: true, refill: false })
  })

  test("a page's Next.js tags become its space-separated keys; other entries are left alone", () => {
    const value = { kind: 'APP_PAGE', html: '', status: 200, headers: { 'x-next-cache-tags': 'collection:articles,doc:articles:a,_N_T_/articles/a,has space' } as Record<string, string> }
    addSurrogateKeys(value)
    expect(value.headers['surrogate-key']).toBe('collection:articles doc:articles:a _N_T_/articles/a')
    const fetchEntry = { kind: 'FETCH', data: { headers: { 'x-next-cache-tags': 'x' } } }
    addSurrogateKeys(fetchEntry)
    expect(fetchEntry).toEqual({ kind: 'FETCH', data: { headers: { 'x-next-cache-tags': 'x' } } })
  })
})

describe('Varnish with several site instances', () => {
  const instances: { server: Server; url: string; address: string; seen: string[] }[] = []
  let balanced: Awaited<ReturnType<typeof startVarnishFrontCache>> | undefined

  beforeAll(async () => {
    for (const name of ['one', 'two']) {
      const seen: string[] = []
      const server = createServer((request, response) => {
        if (request.url !== '/api/health') seen.push(request.url ?? '/')
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'surrogate-key': 'collection:services' })
        response.end(`<h1>${name}</h1>`)
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const address = `127.0.0.1:${(server.address() as AddressInfo).port}`
      instances.push({ server, url: `http://${address}`, address, seen })
    }
    balanced = await startVarnishFrontCache({ siteUrl: instances.map((i) => i.url), refreshSecret: secret })
  }, 60_000)

  afterAll(async () => {
    await balanced?.stop()
    await Promise.all(instances.map((i) => new Promise((resolve) => i.server.close(resolve))))
  })

  test("visitors are balanced; the site's refresh naming an instance is answered by that one, and only with the secret", async () => {
    const fetchVia = (urlPath: string, headers: Record<string, string>) => fetch(`${balanced!.url}${urlPath}`, { headers }).then(async (r) => ({ body: await r.text(), upstream: r.headers.get('x-clinic-refresh-upstream') }))
    // A visitor naming an instance is balanced like any other (two pages, two instances).
    await fetchVia('/a', { 'x-clinic-refresh-via': instances[1]!.address })
    await fetchVia('/b', { 'x-clinic-refresh-via': instances[1]!.address })
    expect(instances[0]!.seen).toHaveLength(1)
    expect(instances[1]!.seen).toHaveLength(1)
    // The refresh (with the secret) goes where it says, every time, and says so.
    for (let i = 0; i < 3; i += 1) {
      const answer = await fetchVia('/services', { 'x-clinic-refresh': secret, 'x-clinic-refresh-via': instances[1]!.address })
      expect(answer.body).toBe('<h1>two</h1>')
      expect(answer.upstream).toBe('clinic_site_instance_2')
    }
    const unknown = await fetchVia('/services', { 'x-clinic-refresh': secret, 'x-clinic-refresh-via': '10.9.9.9:3000' })
    expect(unknown.upstream).toBe('clinic_site')
  })
})
