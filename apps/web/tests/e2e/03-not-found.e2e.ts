import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { collectConsoleErrors, desktop, h1Text, launchBrowser } from './support/browser'
import { e2e } from './support/context'
import { get, h1Of } from './support/site'

const { siteUrl } = e2e()

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const unknown = ['/articles/no-such-article', '/no-such-page', '/services/no-such-service', '/exercises/no-such-exercise', '/conditions/no-such-condition', '/about/no/such/page']

describe('an unknown address', () => {
  test.for(unknown)('%s shows the site’s own 404 page with status 404', async (path) => {
    const context = await browser.newContext(desktop)
    const page = await context.newPage()
    try {
      const errors = collectConsoleErrors(page)
      const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load', timeout: 90_000 })
      expect(response?.status()).toBe(404)
      expect(await h1Text(page)).toBe('We could not find that page')
      // The site's layout (header with navigation, footer), not a bare framework page.
      expect(await page.getByRole('banner').getByRole('link').count()).toBeGreaterThan(2)
      expect(await page.getByRole('contentinfo').count()).toBe(1)
      // Next.js's not-found boundary adds its own robots tag in the browser: every one says noindex.
      const robots = await page.locator('meta[name="robots"]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')))
      expect(robots.length).toBeGreaterThan(0)
      for (const content of robots) expect(content).toMatch(/noindex/)
      // Chrome reports the 404 document itself as a failed load; nothing else may fail.
      expect(errors.filter((error) => !error.includes(`(${siteUrl}${path})`))).toEqual([])
    } finally {
      await context.close()
    }
  })

  // Without JavaScript (a crawler, a text browser, a failed script load) the 404 page must be in the
  // HTML itself. Next.js renders a page's `notFound()` as an empty error document (`<html
  // id="__next_error__">`) with the message only inside the script payload: this reads the markup a
  // browser would show before any script runs.
  test.for([...unknown, '/articles/page/9999'])('%s answers 404 with the message, search form and links in its HTML, no script needed', async (path) => {
    const response = await get(`${siteUrl}${path}`)
    expect(response.status).toBe(404)
    const markup = response.body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    expect(markup).not.toContain('__next_error__')
    expect(h1Of(markup)).toBe('We could not find that page')
    expect(markup).toContain('The page may have moved, or the address may have a typing mistake.')
    const main = markup.slice(markup.indexOf('<main'), markup.indexOf('</main>'))
    const form = /<form\b[^>]*role="search"[^>]*>([\s\S]*?)<\/form>/.exec(main)
    expect(form?.[0]).toMatch(/action="\/search"/)
    expect(form?.[1]).toMatch(/<input\b[^>]*id="not-found-search"[^>]*name="q"/)
    for (const [href, text] of [['/', 'Go to the home page'], ['/services', 'See our massage services'], ['/articles', 'Read our articles'], ['/book', 'Book an appointment']]) {
      expect(main).toMatch(new RegExp(`<a\\b[^>]*href="${href}"[^>]*>${text}</a>`))
    }
    // Title and robots stay in the document head.
    const head = markup.slice(0, markup.indexOf('</head>'))
    expect(head).toMatch(/<title>[^<]*not found[^<]*<\/title>/i)
    expect(head).toMatch(/<meta name="robots" content="[^"]*noindex/)
  })

  // A flood of made-up slugs must not be a render each (issue 18): once the site knows the
  // published slugs, the proxy answers an address no document has with the same 404 page at once.
  test('made-up document addresses (and their link-preview images) get the 404 from the proxy, with no render; a real one still renders', async () => {
    const deadline = Date.now() + 20_000
    let answer = await get(`${siteUrl}/articles/made-up-${Date.now().toString(36)}`)
    while (answer.headers.get('x-clinic-not-found') !== 'known-slugs' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      answer = await get(`${siteUrl}/articles/made-up-${Date.now().toString(36)}`)
    }
    expect(answer.headers.get('x-clinic-not-found'), 'the proxy never answered a made-up slug itself').toBe('known-slugs')
    expect(answer.status).toBe(404)
    expect(h1Of(answer.body)).toBe('We could not find that page')
    expect(answer.body).toMatch(/<form\b[^>]*role="search"[^>]*action="\/search"|<form\b[^>]*action="\/search"[^>]*role="search"/)
    expect(answer.body).toMatch(/<meta name="robots" content="[^"]*noindex/)
    expect(answer.body).not.toMatch(/<script\b/i)
    for (const collection of ['services', 'exercises', 'conditions']) {
      const other = await get(`${siteUrl}/${collection}/made-up-${Date.now().toString(36)}`)
      expect(other.status).toBe(404)
    }
    // A CMS page's address (`/about`) made up, and deeper paths no route has (a scanner's).
    for (const path of [`/made-up-${Date.now().toString(36)}`, `/wp-admin/made-up-${Date.now().toString(36)}.php`, '/.env.d/x']) {
      const other = await get(`${siteUrl}${path}`)
      expect(other.status, path).toBe(404)
      expect(other.headers.get('x-clinic-not-found'), path).toBe('known-slugs')
      expect(h1Of(other.body), path).toBe('We could not find that page')
    }
    for (const collection of ['articles', 'pages']) {
      const image = await get(`${siteUrl}/og/${collection}/made-up-${Date.now().toString(36)}`)
      expect(image.status).toBe(404)
      expect(image.headers.get('x-clinic-not-found')).toBe('known-slugs')
    }
    // Real documents, pages and the site's own routes still render.
    for (const path of ['/articles/sciatica-and-massage', '/about', '/contact', '/team', '/search?q=back', '/book', '/robots.txt', '/sitemap.xml', '/og/pages/about']) {
      const real = await get(`${siteUrl}${path}`)
      expect(real.status, path).toBe(200)
      expect(real.headers.get('x-clinic-not-found'), path).toBeNull()
    }
  })

  test('asking again still gives 404 (a cached miss stays a 404)', async () => {
    for (const path of unknown.slice(0, 2)) {
      const again = await get(`${siteUrl}${path}`)
      expect(again.status).toBe(404)
    }
  })
})
