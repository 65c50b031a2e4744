import { readdirSync, readFileSync } from 'node:fs'
import { get as httpGet, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cmsJson, docBySlug, login } from './support/cms'
import { e2e } from './support/context'
import { waitFor } from './support/servers'
import { frameworkScriptsInHead, get, h1Of } from './support/site'

// The shipped nginx (deploy/nginx) in front of the shared site and CMS, as in the one-server
// deployment: started by the global setup, and refreshed by the site after each purge.
const { cmsUrl, siteUrl, editor, frontUrl, frontCmsUrl, frontPrefix } = e2e()
const front = { url: frontUrl, cmsUrl: frontCmsUrl, prefix: frontPrefix }
const articlePath = '/articles/sciatica-and-massage'
let token = ''
let article: { id: number | string; title?: string }

beforeAll(async () => {
  token = await login(cmsUrl, editor.email, editor.password)
  article = await docBySlug(cmsUrl, 'articles', 'sciatica-and-massage')
})

afterAll(async () => {
  if (article?.title) {
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title: article.title, _status: 'published' } })
  }
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

/** Every copy of `pagePath` nginx holds on disk (gzip and plain), as HTML. */
function storedCopies(pagePath: string): string[] {
  const copies: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else {
        const raw = readFileSync(file)
        const key = /\nKEY: ([^\n]*)\n/.exec(raw.subarray(0, 4096).toString('latin1'))?.[1] ?? ''
        if (!key.startsWith(`127.0.0.1|${pagePath}|`)) continue
        // The entry: nginx's header, the key, the upstream's status line and headers, the body.
        const headerEnd = raw.indexOf('\r\n\r\n', raw.indexOf('\nKEY: '))
        const headers = raw.subarray(0, headerEnd).toString('latin1')
        const body = raw.subarray(headerEnd + 4)
        copies.push(/content-encoding: gzip/i.test(headers) ? gunzipSync(body).toString('utf8') : body.toString('utf8'))
      }
    }
  }
  walk(path.join(front.prefix, 'cache', 'site'))
  expect(copies.length, `nginx's copies of ${pagePath}`).toBe(2)
  return copies
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

  test('a publish replaces the cached page at once (refreshed by the site, not waiting for expiry), with its scripts after paint', async () => {
    const title = `Sciatica and massage (front cache ${Date.now()})`
    // Warm both variants the cache keeps: the page is in nginx's cache, as on a busy site.
    for (let i = 0; i < 2; i++) {
      await get(`${front.url}${articlePath}`)
      await plainGet(`${front.url}${articlePath}`)
    }
    expect((await get(`${front.url}${articlePath}`)).headers.get('x-cache-status')).toBe('HIT')
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title, _status: 'published' } })
    // nginx keeps a page 60 s unless the site replaces it: seeing the title within 10 s, from the
    // cache (HIT, not a fetch of an expired copy), is the site's refresh at work.
    const started = performance.now()
    const fresh = await waitFor(
      async () => {
        const page = await get(`${front.url}${articlePath}`)
        return h1Of(page.body) === title && page
      },
      { timeout: 10_000, interval: 50, message: 'The published title did not show through the front cache' },
    )
    console.log(`[front cache] publish → visible through nginx: ${Math.round(performance.now() - started)} ms after the CMS confirmed the save`)
    expect(fresh.headers.get('x-cache-status')).toBe('HIT')
    // The first render after the purge, as a visitor gets it (gzip and plain) and as nginx stored
    // it: the framework's scripts are not in <head> (they load after paint), like any cached copy.
    const plain = await plainGet(`${front.url}${articlePath}`)
    expect(h1Of(plain.body)).toBe(title)
    for (const html of [fresh.body, plain.body, ...storedCopies(articlePath)]) {
      expect(h1Of(html)).toBe(title)
      expect(frameworkScriptsInHead(html)).toEqual([])
      expect(html).toContain('self.__clinicLoadApp')
    }
  })

  test('a page under a marketer’s query string (?utm_source=…, ?fbclid=…) shows a publish within a second too', async () => {
    const title = `Sciatica and massage (flyer ${Date.now()})`
    const variants = [`${articlePath}?utm_source=flyer`, `${articlePath}?fbclid=IwAR0abc`]
    // Cached as a visitor from the flyer gets it (gzip and plain).
    for (const variant of variants) {
      await get(`${front.url}${variant}`)
      await plainGet(`${front.url}${variant}`)
      expect((await get(`${front.url}${variant}`)).headers.get('x-cache-status')).toBe('HIT')
    }
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title, _status: 'published' } })
    const started = performance.now()
    // The refresh of the page's path (how long it takes is the site's render: see the test above and
    // `pnpm bench`); every variant shows it within a second of that, not when its own copy expires (60 s).
    await waitFor(
      async () => h1Of((await get(`${front.url}${articlePath}`)).body) === title,
      { timeout: 10_000, interval: 20, message: 'The published title did not show through the front cache' },
    )
    const refreshed = performance.now()
    for (const variant of variants) {
      const fresh = await waitFor(
        async () => {
          const page = await get(`${front.url}${variant}`)
          return h1Of(page.body) === title && page
        },
        { timeout: Math.max(1, 1_000 - (performance.now() - refreshed)), interval: 20, message: `${variant} did not show the published title through the front cache within 1 s of its path` },
      )
      expect(fresh.headers.get('x-cache-status')).toBe('HIT')
      expect(h1Of((await plainGet(`${front.url}${variant}`)).body)).toBe(title)
    }
    console.log(`[front cache] publish → visible under ?utm_source and ?fbclid: ${Math.round(performance.now() - started)} ms after the CMS confirmed the save (the path: ${Math.round(refreshed - started)} ms)`)
  })

  test('an editor’s preview is never served from, nor stored in, the cache', async () => {
    // Search results are kept per query (other pages under their path alone): a fresh entry.
    const probe = `/search?q=previewprobe${Date.now().toString(36)}`
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

/** A request from a given local (source) address, as a visitor at that address would make it. */
function fromAddress(
  localAddress: string,
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, localAddress }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const decodeHtml = (text: string) =>
  text.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_all, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#x27': "'", '#39': "'" })[name] ?? '')

describe('the front cache passes the client’s address (TRUSTED_PROXY=1 behind it)', () => {
  /** The booking form as a visitor at `address` gets it through the front cache, filled in, ready to post. */
  async function filledForm(address: string, email: string) {
    const page = await fromAddress(address, `${front.url}/book`)
    expect(page.status).toBe(200)
    const form = /<form[^>]*class="booking-form"[\s\S]*?<\/form>/.exec(page.body)?.[0] ?? ''
    const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1]!, decodeHtml(m[2] ?? '')] as const)
    expect(hidden.map(([name]) => name)).toEqual(expect.arrayContaining(['idempotencyKey', 'formToken']))
    const serviceId = /<option value="([^"]+)">Deep tissue massage<\/option>/.exec(form)?.[1] ?? ''
    const answers = { name: 'Avery Address', email, phone: '', preferredService: serviceId, preferredTimes: 'Any morning', message: '', consent: 'yes', website: '' }
    const data = new FormData()
    for (const [name, value] of hidden) data.append(name, value)
    for (const [name, value] of Object.entries(answers)) data.append(name, value)
    // FormData serialised as a browser posts it (multipart, with its boundary).
    const request = new Request(`${front.url}/book`, { method: 'POST', body: data })
    return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! }
  }

  async function book(address: string, form: { body: Buffer; contentType: string }) {
    const answer = await fromAddress(address, `${front.url}/book`, { method: 'POST', body: form.body, headers: { 'content-type': form.contentType } })
    if (answer.status === 303 && String(answer.headers.location).includes('/book/thanks')) return 'booked'
    if (answer.body.includes('data-problem="rate-limited"')) return 'rate-limited'
    return `unexpected: ${answer.status} ${answer.body.slice(0, 200)}`
  }

  test('two visitors at two addresses have two separate booking limits', async () => {
    // The default limit: 8 requests per address per 10 minutes. Two loopback addresses no other spec uses.
    const [first, second] = ['127.0.0.7', '127.0.0.8']
    const stamp = Date.now().toString(36)
    const forms = []
    for (let i = 0; i < 9; i++) forms.push(await filledForm(first, `first.${stamp}.${i}@example.com`))
    const secondForm = await filledForm(second, `second.${stamp}@example.com`)
    // A person takes longer than the form's minimum fill time.
    await sleep(3200)
    const results = []
    for (const form of forms) results.push(await book(first, form))
    expect(results).toEqual([...Array(8).fill('booked'), 'rate-limited'])
    // The visitor at the other address is not held to the first one's limit.
    expect(await book(second, secondForm)).toBe('booked')
  })
})
