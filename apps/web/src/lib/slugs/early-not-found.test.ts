import { once } from 'node:events'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { markCmsAnswered, markCmsUnavailable } from '@/lib/cms/availability'
import { env } from '@/env'
import { setRedirectMapForTests } from '@/lib/redirects/map'
import { installEarlyNotFound } from './early-not-found'
import { mayExist, resetKnownSlugs, type GatedCollection } from './known-slugs'
import { setNotFoundCopyForTests } from './not-found-page'

// A real HTTP server on loopback whose own handler stands for Next.js: it answers 200 "next" and
// counts. The hook is installed on http.Server (as instrumentation.ts does), so it runs before it.
let server: http.Server
let base: string
let reachedNext: string[] = []

const published: Record<GatedCollection, string[]> = {
  articles: ['sciatica-and-massage'],
  services: ['deep-tissue-massage'],
  exercises: ['cat-cow'],
  conditions: ['sciatica'],
  pages: ['about'],
}
const read = async (collection: GatedCollection) => new Set(published[collection])
const notFoundPage = '<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>'
const renderedAgain = '<!DOCTYPE html><html><body><h1>Page not found (rendered again)</h1><script>self.__next_f=[]</script></body></html>'

async function ask(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers: init.headers })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

beforeAll(async () => {
  installEarlyNotFound(http.Server)
  server = http.createServer((request: IncomingMessage, response: ServerResponse) => {
    // The site's not-found page and the CMS's health, as the 404 copy's render asks for them.
    if (request.url === '/__clinic-not-found') return void response.writeHead(404, { 'Content-Type': 'text/html' }).end(renderedAgain)
    if (request.url === '/api/health') return void response.end('ok')
    // The slug lists are given to the known slugs directly (`read` below).
    if (request.url?.startsWith('/api/')) return void response.writeHead(503).end()
    reachedNext.push(`${request.method} ${request.url}`)
    response.end('next')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
  // This server stands for the site (its not-found page) and the CMS (its health) alike.
  process.env.PORT = String(port)
  ;(env as { cmsUrl: string }).cmsUrl = base
})

afterAll(async () => {
  server.close()
  await once(server, 'close')
})

beforeEach(async () => {
  reachedNext = []
  resetKnownSlugs()
  for (const collection of Object.keys(published) as GatedCollection[]) mayExist(collection, 'x', read)
  await new Promise((resolve) => setTimeout(resolve, 0))
  setNotFoundCopyForTests(notFoundPage)
  setRedirectMapForTests(new Map([['/articles/old-name', { destination: '/articles/sciatica-and-massage', status: 301 }]]))
  markCmsAnswered()
})

describe('made-up document addresses are answered before Next.js', () => {
  it.each(['/articles/made-up-slug', '/services/nope', '/exercises/%C3%A9t%C3%A9', '/conditions/x?utm_source=spam', '/made-up-page', '/wp-admin/setup.php', '/pages/about'])('%s: the site’s 404 page, with its headers, never reaching Next.js', async (path) => {
    const answer = await ask(path)
    expect(answer.status).toBe(404)
    expect(answer.body).toBe(notFoundPage)
    expect(answer.headers.get('x-clinic-not-found')).toBe('known-slugs')
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(reachedNext).toEqual([])
  })

  it('the image of a document that does not exist (pages too): a plain 404', async () => {
    for (const path of ['/og/articles/made-up', '/og/pages/made-up']) {
      const answer = await ask(path)
      expect([answer.status, answer.body, answer.headers.get('content-type')]).toEqual([404, 'No such image.\n', 'text/plain; charset=utf-8'])
    }
    expect(reachedNext).toEqual([])
  })

  it('HEAD gets the same status and headers without a body', async () => {
    const answer = await ask('/articles/made-up', { method: 'HEAD' })
    expect(answer.status).toBe(404)
    expect(answer.body).toBe('')
    expect(reachedNext).toEqual([])
  })

  it('real documents, their images, other pages and other methods go on to Next.js', async () => {
    const paths = ['/articles/sciatica-and-massage', '/og/articles/sciatica-and-massage', '/og/pages/about', '/team', '/articles', '/articles/page/2', '/about', '/book/thanks', '/sitemaps/articles.xml', '/_next/static/x.js']
    for (const path of paths) expect((await ask(path)).body).toBe('next')
    expect((await ask('/articles/made-up', { method: 'POST' })).body).toBe('next')
    expect(reachedNext).toHaveLength(paths.length + 1)
  })

  it('whatever the proxy treats otherwise goes on to Next.js: a redirect, draft mode, the client router, a broken or control-character path', async () => {
    const cases: [string, Record<string, string>?][] = [
      ['/articles/old-name'],
      ['/articles/made-up', { cookie: 'theme=dark; __prerender_bypass=abc' }],
      ['/articles/made-up', { rsc: '1' }],
      ['/articles/%ZZ'],
      ['/articles/a%0Ab'],
    ]
    for (const [path, headers] of cases) expect((await ask(path, { headers })).body).toBe('next')
    expect(reachedNext).toHaveLength(cases.length)
  })

  it('when in doubt (the CMS failed, no fresh 404 page, no current redirect map, slugs not read yet), Next.js answers', async () => {
    markCmsUnavailable()
    expect((await ask('/articles/made-up')).body).toBe('next')
    markCmsAnswered()
    setNotFoundCopyForTests(notFoundPage, Date.now() - 60_000)
    expect((await ask('/articles/made-up')).body).toBe('next')
    // The image needs no page copy.
    expect((await ask('/og/articles/made-up')).status).toBe(404)
    setNotFoundCopyForTests(notFoundPage)
    resetKnownSlugs()
    expect((await ask('/og/articles/made-up')).body).toBe('next')
    expect(reachedNext).toHaveLength(3)
  })

  it('a copy near its age is served and rendered again in the background (a flood never finds it stale); a stale one is not served', async () => {
    setNotFoundCopyForTests(notFoundPage, Date.now() - 1600)
    expect((await ask('/articles/made-up')).body).toBe(notFoundPage)
    // Rendered again (without the framework's scripts) by that request alone: nothing else asks
    // for a render here, so without it the copy would go stale and every answer would be Next.js's.
    await expect.poll(async () => (await ask('/articles/made-up-2')).body, { timeout: 5000 }).toBe('<!DOCTYPE html><html><body><h1>Page not found (rendered again)</h1></body></html>')
    setNotFoundCopyForTests(notFoundPage, Date.now() - 2100)
    expect((await ask('/articles/made-up')).body).toBe('next')
  })
})
