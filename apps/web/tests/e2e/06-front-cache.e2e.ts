import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startFrontCache, type FrontCache } from '../../../../deploy/nginx/front-cache.mjs'
import { cmsJson, docBySlug, login } from './support/cms'
import { e2e } from './support/context'
import { waitFor } from './support/servers'
import { get, h1Of } from './support/site'

// nginx (deploy/nginx) in front of the shared site and CMS, as in the one-server deployment.
const { cmsUrl, siteUrl, editor } = e2e()
const articlePath = '/articles/sciatica-and-massage'
let front: FrontCache
let token = ''
let article: { id: number | string; title?: string }

beforeAll(async () => {
  front = await startFrontCache({ siteUrl, cmsUrl })
  token = await login(cmsUrl, editor.email, editor.password)
  article = await docBySlug(cmsUrl, 'articles', 'sciatica-and-massage')
})

afterAll(async () => {
  if (article?.title) {
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title: article.title, _status: 'published' } })
  }
  await front?.stop()
})

/** A GET without Accept-Encoding (fetch always sends one): what curl or a simple bot asks. */
function plainGet(url: string): Promise<{ headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ headers: response.headers, body }))
    }).on('error', reject)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the front cache (nginx)', () => {
  test('serves pages from its cache, with the site’s security headers, gzipped for browsers', async () => {
    await get(`${front.url}/`)
    const cached = await get(`${front.url}/`)
    expect(cached.status).toBe(200)
    expect(cached.headers.get('x-cache-status')).toBe('HIT')
    // The flagship article too (a larger page).
    await get(`${front.url}${articlePath}`)
    expect((await get(`${front.url}${articlePath}`)).headers.get('x-cache-status')).toBe('HIT')
    const direct = await get(`${siteUrl}/`)
    expect(h1Of(cached.body)).toBe(h1Of(direct.body))
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy']) {
      expect(cached.headers.get(header), header).toBe(direct.headers.get(header) ?? cached.headers.get(header))
      expect(cached.headers.get(header), header).toBeTruthy()
    }
    const gzipped = await fetch(`${front.url}/`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    // The cache keeps the gzipped copy apart from the plain one: a client that cannot inflate gets
    // readable HTML from the cache, never the gzipped entry.
    await plainGet(`${front.url}${articlePath}`)
    const plain = await plainGet(`${front.url}${articlePath}`)
    expect(plain.headers['x-cache-status']).toBe('HIT')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(h1Of(plain.body)).toBeTruthy()
    expect(h1Of(plain.body)).toBe(h1Of((await get(`${front.url}${articlePath}`)).body))
    // Its own error pages carry the headers too.
    const gone = await get(`${front.url}/_next/static/no-such-file.js`)
    expect(gone.status).toBe(404)
    expect(gone.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('keeps the client router’s RSC and prefetch requests apart from the page', async () => {
    const rscHeaders = { rsc: '1', 'next-router-prefetch': '1' }
    // Whichever comes first fills its own entry: the page never gets the RSC payload, nor the reverse.
    const rscFirst = await get(`${front.url}${articlePath}?variant=1`, { headers: rscHeaders })
    const pageAfter = await get(`${front.url}${articlePath}?variant=1`)
    expect(pageAfter.headers.get('content-type')).toContain('text/html')
    expect(rscFirst.headers.get('content-type') ?? '').not.toContain('text/html')
    const pageFirst = await get(`${front.url}${articlePath}?variant=2`)
    const rscAfter = await get(`${front.url}${articlePath}?variant=2`, { headers: rscHeaders })
    expect(pageFirst.headers.get('content-type')).toContain('text/html')
    expect(rscAfter.headers.get('content-type') ?? '').not.toContain('text/html')
  })

  test('a publish shows through the cache within 2 seconds of the CMS confirming it', async () => {
    const title = `Sciatica and massage (front cache ${Date.now()})`
    // Warm: the page is in nginx's cache and will be asked for all the time, as on a busy site.
    await get(`${front.url}${articlePath}`)
    // From the moment the editor's save is confirmed (the CMS has told the site by then); the save
    // itself is the CMS's time, measured with the rest by `pnpm bench`.
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title, _status: 'published' } })
    const started = performance.now()
    await waitFor(async () => h1Of((await get(`${front.url}${articlePath}`)).body) === title, {
      timeout: 10_000,
      interval: 50,
      message: 'The published title did not show through the front cache',
    })
    expect(performance.now() - started).toBeLessThan(2000)
  })

  test('an editor’s preview is never served from, nor stored in, the cache', async () => {
    const probe = `/?preview-probe=${Date.now()}`
    const draftCookie = { cookie: '__prerender_bypass=0123456789abcdef; clinic-preview-token=x' }
    const preview = await get(`${front.url}${probe}`, { headers: draftCookie })
    expect(preview.headers.get('x-cache-status')).toBe('BYPASS')
    // Nothing was stored: the next anonymous visitor's request goes to the site.
    const anonymous = await get(`${front.url}${probe}`)
    expect(anonymous.headers.get('x-cache-status')).toBe('MISS')
    // And a page in the cache is not what a previewing editor gets.
    expect((await get(`${front.url}${probe}`)).headers.get('x-cache-status')).toBe('HIT')
    expect((await get(`${front.url}${probe}`, { headers: draftCookie })).headers.get('x-cache-status')).toBe('BYPASS')
  })

  test('the CMS is behind the same nginx, its uploads cacheable', async () => {
    const media = await cmsJson<{ docs: { url: string }[] }>(front.cmsUrl, '/api/media?limit=1&depth=0')
    const file = media.docs[0]?.url
    expect(file).toBeTruthy()
    const fileUrl = new URL(file!, front.cmsUrl)
    const path = `${fileUrl.pathname}`
    await get(`${front.cmsUrl}${path}`)
    await sleep(50)
    const again = await fetch(`${front.cmsUrl}${path}`)
    await again.arrayBuffer()
    expect(again.status).toBe(200)
    expect(again.headers.get('x-cache-status')).toBe('HIT')
  })
})
