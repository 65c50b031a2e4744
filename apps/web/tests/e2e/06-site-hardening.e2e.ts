import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { webDir } from './support/servers'
import { get } from './support/site'

/**
 * The public site against hostile or careless requests, over HTTP against the production build:
 * malformed addresses and methods get a 4xx with a message (never a 5xx), made-up addresses do not
 * fill the disk, and every kind of response carries the security headers.
 */
const { cmsUrl, siteUrl } = e2e()
const webDist = path.join(webDir, process.env.NEXT_DIST_DIR || '.next')

const [article] = await publishedDocs(cmsUrl, 'articles')
const [service] = await publishedDocs(cmsUrl, 'services')
const [exercise] = await publishedDocs(cmsUrl, 'exercises')
const [page] = await publishedDocs(cmsUrl, 'pages')
if (!article || !service || !exercise || !page) throw new Error('The seed needs an article, a service, an exercise and a page')

/** Sends a raw request line: fetch() would normalise or refuse some of these addresses itself. */
async function raw(method: string, target: string, body?: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(`${siteUrl}${target}`, { method, body, redirect: 'manual', signal: AbortSignal.timeout(60_000) })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

describe('malformed input gets a 4xx with a message, never a 5xx', () => {
  test.each([
    ['/%ZZ', /percent-encoding/],
    ['/articles/%E0%A4%A', /percent-encoding/],
    ['/articles/%ZZ', /percent-encoding/],
    ['/services/%C0%AF', /percent-encoding/],
    ['/a/b/c/%ZZ', /percent-encoding/],
    ['/api/%ZZ', /percent-encoding/],
    ['/api/preview/%ZZ', /percent-encoding/],
    ['/api/exit-preview?path=%ZZ', null],
    ['/%00', /control character/],
    ['/articles/%00x', /control character/],
    ['/articles/a%0Ab', /control character/],
    ['/exercises/%1B%5B31m', /control character/],
  ])('GET %s', async (target, message) => {
    const response = await raw('GET', target)
    expect(response.status, response.body.slice(0, 200)).toBeGreaterThanOrEqual(300)
    expect(response.status).toBeLessThan(500)
    if (message) {
      expect(response.status).toBe(400)
      expect(response.body).toMatch(message)
    }
  })

  test.each([
    ['POST', '/'],
    ['PUT', `/articles/${article.slug}`],
    ['DELETE', `/services/${service.slug}`],
    ['PATCH', '/articles'],
    ['OPTIONS', `/${page.slug}`],
    ['POST', '/sitemap.xml'],
  ])('%s %s on a page: 405, allowing GET and HEAD', async (method, target) => {
    const response = await raw(method, target, method === 'OPTIONS' ? undefined : 'x=1')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
    expect(response.body).toMatch(/does not accept/)
  })

  test.each([
    ['POST', '/api/preview', 'GET, HEAD'],
    ['DELETE', '/api/exit-preview', 'GET, HEAD'],
    ['GET', '/api/revalidate', 'POST'],
    ['PUT', '/api/revalidate', 'POST'],
  ])('%s %s: 405 with Allow: %s', async (method, target, allow) => {
    const response = await raw(method, target, method === 'GET' ? undefined : '{}')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(allow)
  })

  test('HEAD of a page still works', async () => {
    expect((await raw('HEAD', `/articles/${article.slug}`)).status).toBe(200)
  })
})

/** Files and bytes under the site's build folder (its caches included). */
function diskUsage(dir: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      const inner = diskUsage(full)
      files += inner.files
      bytes += inner.bytes
    } else if (entry.isFile()) {
      files += 1
      bytes += statSync(full).size
    }
  }
  return { files, bytes }
}

describe('made-up addresses do not fill the disk', () => {
  test('60 distinct unknown addresses add no file under the build folder', async () => {
    const run = Date.now().toString(36)
    const unknown = Array.from({ length: 12 }, (_, i) => [
      `/articles/made-up-${run}-${i}`,
      `/services/made-up-${run}-${i}`,
      `/exercises/made-up-${run}-${i}`,
      `/conditions/made-up-${run}-${i}`,
      `/made-up-${run}-${i}/deeper`,
    ]).flat()
    // One first, so anything written once per route (not per address) is already there.
    await get(`${siteUrl}/articles/warm-up-${run}`)
    const before = diskUsage(webDist)
    for (const target of unknown) {
      const response = await get(`${siteUrl}${target}`)
      expect(response.status, target).toBe(404)
    }
    const after = diskUsage(webDist)
    console.log(`[e2e] ${unknown.length} unknown addresses: ${after.files - before.files} files, ${after.bytes - before.bytes} bytes under ${path.relative(webDir, webDist)}/`)
    expect(after.files - before.files).toBe(0)
    // Before the fix each address wrote ~41 KB; allow a little for files rewritten in place.
    expect(after.bytes - before.bytes).toBeLessThan(16 * 1024)
  })
})

const cspDirectives = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  `img-src 'self' data: blob: ${new URL(cmsUrl).origin}`,
]

function expectFixedHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin')
  expect(headers.get('permissions-policy'), what).toMatch(/camera=\(\)/)
  // The suite runs production builds.
  expect(headers.get('strict-transport-security'), what).toMatch(/max-age=\d{7,}/)
}

describe('security headers on every kind of response', () => {
  const staticChunk = (() => {
    const chunks = path.join(webDist, 'static', 'chunks')
    const js = readdirSync(chunks).find((name) => name.endsWith('.js'))
    return `/_next/static/chunks/${js}`
  })()

  test.each([
    ['home', '/', 200],
    ['a list', '/articles', 200],
    ['an article', `/articles/${article.slug}`, 200],
    ['a service', `/services/${service.slug}`, 200],
    ['an exercise', `/exercises/${exercise.slug}`, 200],
    ['a CMS page', `/${page.slug}`, 200],
    ['the booking page', '/book', 200],
    ['the sitemap', '/sitemap.xml', 200],
    ['the feed', '/feed.xml', 200],
    ['robots.txt', '/robots.txt', 200],
    ['the favicon', '/favicon.ico', 200],
    ['a not-found page', '/articles/no-such-article', 404],
    ['a malformed address', '/%ZZ', 400],
    ['a wrong method', '/api/revalidate', 405],
    ['an API refusal', '/api/preview', 401],
  ])('%s (%s)', async (_name, target, status) => {
    const response = await get(`${siteUrl}${target}`)
    expect(response.status).toBe(status)
    expectFixedHeaders(response.headers, target)
    const csp = String(response.headers.get('content-security-policy'))
    for (const directive of cspDirectives) expect(csp, target).toContain(directive)
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/)
    expect(csp).not.toContain('unsafe-eval')
  })

  test('build files carry the fixed headers too', async () => {
    const response = await get(`${siteUrl}${staticChunk}`)
    expect(response.status).toBe(200)
    expectFixedHeaders(response.headers, staticChunk)
  })
})

describe('published pages ship none of the live preview code', () => {
  test('the chunk that holds it is not referenced by a published page', async () => {
    const chunks = path.join(webDist, 'static', 'chunks')
    const livePreviewChunks = readdirSync(chunks).filter(
      (name) => name.endsWith('.js') && readFileSync(path.join(chunks, name), 'utf8').includes('payload-live-preview'),
    )
    expect(livePreviewChunks.length, 'the build has the live preview code somewhere').toBeGreaterThan(0)
    for (const target of ['/', `/articles/${article.slug}`, `/${page.slug}`]) {
      const html = (await get(`${siteUrl}${target}`)).body
      for (const chunk of livePreviewChunks) expect(html, `${target} references ${chunk}`).not.toContain(chunk)
    }
  })
})
