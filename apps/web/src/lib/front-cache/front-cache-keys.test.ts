// The shipped front cache (deploy/nginx, real nginx) against two small upstreams standing in for
// two site instances: what it keeps under which key, and that it balances across the instances.
// The full stack (the site, Redis, the CMS) is in the e2e (06-front-cache, 06-shared-cache).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type * as FrontCacheModule from '../../../../../deploy/nginx/front-cache.mjs'
import type { FrontCache } from '../../../../../deploy/nginx/front-cache.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const appDir = path.join(here, '..', '..', 'app')
/** The repository's deploy/nginx, found upwards (this file may run from a copy of apps/web, e.g. Stryker's sandbox). */
function deployDir(): string {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'deploy', 'nginx')
    if (existsSync(path.join(candidate, 'nginx.conf.template'))) return candidate
    if (path.dirname(dir) === dir) throw new Error('deploy/nginx/nginx.conf.template not found above this test')
  }
}
const template = readFileSync(path.join(deployDir(), 'nginx.conf.template'), 'utf8')
const { renderConfig, startFrontCache } = (await import(pathToFileURL(path.join(deployDir(), 'front-cache.mjs')).href)) as typeof FrontCacheModule
const secret = 'front-cache-keys-test-secret'

/** The routes the template keys with their query (the map behind $clinic_cache_uri_of_query). */
function routesKeyedWithQuery(): string[] {
  const block = /map \$clinic_request_path \$clinic_cache_uri_of_query \{([\s\S]*?)\}/.exec(template)?.[1] ?? ''
  return [...block.matchAll(/^\s*(\/\S*)\s+\$request_uri;/gm)].map((m) => m[1]!)
}

/** Every page of the site (src/app/**\/page.tsx) that reads its query string, as a route path. */
function pagesReadingTheirQuery(): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'api') walk(file)
      } else if (/^(page|route|layout)\.tsx?$/.test(entry.name) && /searchParams|useSearchParams/.test(readFileSync(file, 'utf8'))) {
        const route = path
          .relative(appDir, dir)
          .split(path.sep)
          .filter((segment) => segment && !/^\(.*\)$/.test(segment))
          .join('/')
        found.push(`/${route}`)
      }
    }
  }
  walk(appDir)
  return found.sort()
}

test('every page that reads its query string is kept per query by the front cache; no other is', () => {
  const reading = pagesReadingTheirQuery()
  expect(reading).toContain('/search')
  // A page added with searchParams must be added to the template's map, or the front cache would
  // serve one visitor's results to every query of that page.
  expect(routesKeyedWithQuery().sort()).toEqual(reading)
})

test('several instances: one balanced group, one group per instance, and only the refresh secret chooses one', () => {
  const config = renderConfig({ siteUrl: 'http://10.0.0.11:3000,http://10.0.0.12:3000, http://localhost:3002', cmsUrl: 'http://10.0.0.20:3001', port: 80, cmsPort: 8081, prefix: '/tmp/x', refreshSecret: secret })
  const balanced = /upstream clinic_site \{([\s\S]*?)\}/.exec(config)?.[1] ?? ''
  expect([...balanced.matchAll(/server (\S+);/g)].map((m) => m[1])).toEqual(['10.0.0.11:3000', '10.0.0.12:3000', 'localhost:3002'])
  const groups = Object.fromEntries([...config.matchAll(/upstream (clinic_site_instance_\d+) \{ server (\S+); keepalive \d+; \}/g)].map((m) => [m[1], m[2]]))
  expect(groups).toEqual({ clinic_site_instance_1: '10.0.0.11:3000', clinic_site_instance_2: '10.0.0.12:3000', clinic_site_instance_3: 'localhost:3002' })
  const map = /map "\$clinic_refresh:\$http_x_clinic_refresh_via" \$clinic_site_upstream \{([\s\S]*?)\}/.exec(config)?.[1] ?? ''
  const entries = Object.fromEntries([...map.matchAll(/^\s*(\S+)\s+(\S+);$/gm)].map((m) => [m[1], m[2]]))
  // Every key needs the secret ($clinic_refresh 1); anything else is balanced. localhost is also
  // found under 127.0.0.1, the site's default address.
  expect(entries).toEqual({
    default: 'clinic_site',
    '"1:10.0.0.11:3000"': 'clinic_site_instance_1',
    '"1:10.0.0.12:3000"': 'clinic_site_instance_2',
    '"1:localhost:3002"': 'clinic_site_instance_3',
    '"1:127.0.0.1:3002"': 'clinic_site_instance_3',
  })
  // Pages go through the choice; build assets, health and the API are always balanced.
  expect(config).toMatch(/location \/ \{[^}]*proxy_pass http:\/\/\$clinic_site_upstream;/)
  for (const location of ['/_next/static/', '/api/health', '/api/']) {
    expect(new RegExp(`location ${location.replace(/\//g, '\\/')} \\{\\s*proxy_pass http://clinic_site;`).test(config), location).toBe(true)
  }
})

type Instance = { server: Server; url: string; hits: string[]; headers: Record<string, unknown>[] }

/** Paths the stand-in site answers 404 for (a page unpublished), and whether it calls its answers stale. */
const gone = new Set<string>()
let answerStale = false

async function instance(name: string): Promise<Instance> {
  const hits: string[] = []
  const headers: Record<string, unknown>[] = []
  let renders = 0
  const server = createServer((request, response) => {
    const url = request.url ?? '/'
    hits.push(url)
    headers.push(request.headers)
    renders += 1
    if (gone.has(url)) {
      // As the site's own 404 for a slug it knows is gone (src/proxy.ts): not for any cache to keep.
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      response.end(`<h1>${name}: not found</h1>`)
      return
    }
    if (url.startsWith('/flyer')) {
      const query = url.split('?')[1]
      response.writeHead(302, { location: `/services${query ? `?${query}` : ''}` })
      response.end()
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-nextjs-cache': answerStale ? 'STALE' : 'HIT' })
    response.end(`<h1>${name} render ${renders} of ${url}</h1>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, headers }
}

describe('the front cache (nginx) in front of two site instances', () => {
  let one: Instance
  let two: Instance
  let front: FrontCache
  beforeAll(async () => {
    one = await instance('one')
    two = await instance('two')
    front = await startFrontCache({ siteUrl: [one.url, two.url], cmsUrl: one.url, refreshSecret: secret })
  }, 30_000)
  afterAll(async () => {
    await front?.stop()
    for (const { server } of [one, two]) server?.close()
  })

  const get = async (pathname: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${front.url}${pathname}`, { headers, redirect: 'manual' })
    return {
      status: response.status,
      cache: response.headers.get('x-cache-status'),
      location: response.headers.get('location'),
      upstream: response.headers.get('x-clinic-refresh-upstream'),
      body: await response.text(),
    }
  }

  test('a page under a marketer’s query string is the page itself: one copy, replaced by the refresh of its path', async () => {
    const first = await get('/articles/a?utm_source=flyer')
    expect(first.status).toBe(200)
    // The site got the full address.
    expect([...one.hits, ...two.hits]).toContain('/articles/a?utm_source=flyer')
    for (const variant of ['/articles/a', '/articles/a?fbclid=xyz', '/articles/a?utm_source=flyer']) {
      const again = await get(variant)
      expect(again.cache, variant).toBe('HIT')
      expect(again.body, variant).toBe(first.body)
    }
    // The site's refresh after a purge names the path only: every variant shows the new copy.
    const refreshed = await get('/articles/a', { 'x-clinic-refresh': secret })
    expect(refreshed.body).not.toBe(first.body)
    for (const variant of ['/articles/a?utm_source=flyer', '/articles/a?fbclid=xyz']) {
      const after = await get(variant)
      expect(after.cache, variant).toBe('HIT')
      expect(after.body, variant).toBe(refreshed.body)
    }
  })

  test('a refresh answered 404 (the page unpublished, an old slug) replaces the stored page; a stale answer is not stored', async () => {
    const page = await get('/articles/b')
    expect((await get('/articles/b?utm_source=x')).body).toBe(page.body)
    gone.add('/articles/b')
    expect((await get('/articles/b', { 'x-clinic-refresh': secret })).status).toBe(404)
    expect((await get('/articles/b')).status).toBe(404)
    expect((await get('/articles/b?utm_source=x')).status).toBe(404)
    // A visitor's 404 is still never stored.
    gone.add('/articles/b-visitor')
    expect((await get('/articles/b-visitor')).status).toBe(404)
    expect((await get('/articles/b-visitor')).cache).not.toBe('HIT')
    gone.delete('/articles/b')
    // The site answers with its stale copy: the refresh does not replace what is stored with it.
    const current = await get('/articles/c')
    answerStale = true
    try {
      const stale = await get('/articles/c', { 'x-clinic-refresh': secret })
      expect(stale.body).not.toBe(current.body)
      const after = await get('/articles/c')
      expect(after.cache).toBe('HIT')
      expect(after.body).toBe(current.body)
    } finally {
      answerStale = false
    }
  })

  test('search results are kept per query', async () => {
    const a = await get('/search?q=alpha')
    const b = await get('/search?q=beta')
    expect(b.cache).toBe('MISS')
    expect(b.body).not.toBe(a.body)
    expect((await get('/search?q=alpha')).body).toBe(a.body)
  })

  test('redirects are not stored: each visitor’s query goes on to the target, a changed redirect shows at once', async () => {
    expect((await get('/flyer?utm_source=a')).location).toBe('/services?utm_source=a')
    expect((await get('/flyer?utm_source=b')).location).toBe('/services?utm_source=b')
    const again = await get('/flyer')
    expect(again.location).toBe('/services')
    expect(again.cache).not.toBe('HIT')
  })

  test('the site’s refresh is answered by the instance that names itself, never by another (whose copy may predate the purge)', async () => {
    const via = (instance: Instance) => new URL(instance.url).host
    await get('/articles/pinned')
    // The same instance twice in a row, then the other: a balancer's turn-taking cannot match it.
    for (const [i, name] of (['one', 'one', 'one', 'two', 'two', 'two'] as const).entries()) {
      const target = name === 'one' ? one : two
      const refreshed = await get('/articles/pinned', { 'x-clinic-refresh': secret, 'x-clinic-refresh-via': via(target) })
      expect(refreshed.body, `refresh ${i} naming ${name}`).toMatch(new RegExp(`^<h1>${name} render`))
      // The site learns that its refresh went to the instance it named.
      expect(refreshed.upstream).toBe(name === 'one' ? 'clinic_site_instance_1' : 'clinic_site_instance_2')
      const visitor = await get('/articles/pinned')
      expect(visitor.cache).toBe('HIT')
      expect(visitor.upstream).toBeNull()
      expect(visitor.body).toBe(refreshed.body)
    }
    // An address the front cache does not list: balanced, and the answer says so (the site warns).
    expect((await get('/articles/pinned', { 'x-clinic-refresh': secret, 'x-clinic-refresh-via': '10.9.9.9:3000' })).upstream).toBe('clinic_site')
    // The header is not passed on to the site.
    expect(one.headers.concat(two.headers).some((headers) => 'x-clinic-refresh-via' in headers)).toBe(false)
  })

  test('a visitor cannot choose an instance: without the secret the header is ignored', async () => {
    const before = [one.hits.length, two.hits.length]
    for (let i = 0; i < 6; i++) {
      const page = await get(`/chosen-${i}`, { 'x-clinic-refresh-via': new URL(two.url).host, 'x-clinic-refresh': 'not-the-secret-at-all' })
      expect(page.status).toBe(200)
      expect(page.upstream).toBeNull()
    }
    expect(one.hits.length - before[0]!).toBeGreaterThan(0)
    expect(two.hits.length - before[1]!).toBeGreaterThan(0)
  })

  test('requests are balanced across both instances, and one that is down is passed over', async () => {
    const before = [one.hits.length, two.hits.length]
    for (let i = 0; i < 6; i++) await get(`/balance-${i}`)
    expect(one.hits.length - before[0]!).toBeGreaterThan(0)
    expect(two.hits.length - before[1]!).toBeGreaterThan(0)
    await new Promise<void>((resolve) => two.server.close(() => resolve()))
    two.server.closeAllConnections()
    for (let i = 0; i < 4; i++) expect((await get(`/down-${i}`)).status).toBe(200)
    // A refresh naming the instance that is down fails; the stored copy stays as it was.
    const stored = await get('/articles/pinned')
    expect(stored.cache).toBe('HIT')
    const refresh = await get('/articles/pinned', { 'x-clinic-refresh': secret, 'x-clinic-refresh-via': new URL(two.url).host })
    expect(refresh.status).toBe(502)
    const after = await get('/articles/pinned')
    expect(after.cache).toBe('HIT')
    expect(after.body).toBe(stored.body)
  })
})
