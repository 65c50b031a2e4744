import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { collectConsoleErrors, desktop, launchBrowser, settle, waitForHydration } from './support/browser'
import { publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { get } from './support/site'

const { cmsUrl, siteUrl } = e2e()

interface Route {
  path: string
  /** The <h1> the page must show, when it is a document's own page. */
  h1?: string
  /** The page's own JSON-LD type (the layout adds the clinic's HealthAndBeautyBusiness to every page). */
  jsonLd: string
}

// Every route the seed fills, discovered from the CMS as the site sees it (published only).
const articles = await publishedDocs(cmsUrl, 'articles')
const services = await publishedDocs(cmsUrl, 'services')
const exercises = await publishedDocs(cmsUrl, 'exercises')
const conditions = await publishedDocs(cmsUrl, 'conditions')
const pages = await publishedDocs(cmsUrl, 'pages')
const documentRoutes: Route[] = [
  ...articles.map((doc) => ({ path: `/articles/${doc.slug}`, h1: doc.title, jsonLd: 'MedicalWebPage' })),
  ...services.map((doc) => ({ path: `/services/${doc.slug}`, h1: doc.name, jsonLd: 'Service' })),
  ...exercises.map((doc) => ({ path: `/exercises/${doc.slug}`, h1: doc.name, jsonLd: 'ExercisePlan' })),
  ...conditions.map((doc) => ({ path: `/conditions/${doc.slug}`, h1: doc.name, jsonLd: 'MedicalCondition' })),
  ...pages.map((doc) => ({ path: `/${doc.slug}`, jsonLd: 'BreadcrumbList' })),
]
const routes: Route[] = [
  { path: '/', jsonLd: 'HealthAndBeautyBusiness' },
  { path: '/articles', jsonLd: 'BreadcrumbList' },
  { path: '/services', jsonLd: 'BreadcrumbList' },
  { path: '/exercises', jsonLd: 'BreadcrumbList' },
  { path: '/team', jsonLd: 'BreadcrumbList' },
  { path: '/book', jsonLd: 'BreadcrumbList' },
  ...documentRoutes,
]

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launchBrowser()
  context = await browser.newContext(desktop)
})

afterAll(async () => {
  await browser?.close()
})

describe('every seeded route', () => {
  test('the seed gave the site the content the spec names', () => {
    const paths = routes.map((route) => route.path)
    for (const path of ['/articles/sciatica-and-massage', '/conditions/sciatica', '/about', '/contact']) {
      expect(paths).toContain(path)
    }
    expect(services.length).toBe(5)
    expect(exercises.length).toBeGreaterThanOrEqual(6)
  })

  test.for(routes)('$path renders with status 200, its content and no console errors', async ({ path, h1, jsonLd }) => {
    const page = await context.newPage()
    try {
      const errors = collectConsoleErrors(page)
      const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load', timeout: 90_000 })
      expect(response?.status(), `status of ${path}`).toBe(200)
      await settle(page)
      // So that a hydration error on any route shows up below.
      await waitForHydration(page)

      const headings = await page.locator('h1').allInnerTexts()
      expect(headings, `${path} has exactly one <h1>`).toHaveLength(1)
      const heading = headings[0]?.trim() ?? ''
      expect(heading).not.toBe('')
      if (h1) expect(heading).toBe(h1)
      expect((await page.title()).trim()).not.toBe('')
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
      expect(canonical === `${siteUrl}${path}` || (path === '/' && canonical === siteUrl), `canonical URL of ${path}: ${canonical}`).toBe(true)
      // The page's own JSON-LD, not just the clinic's (which the layout puts on every page).
      const types = (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => {
        const data: unknown = JSON.parse(text)
        // Every type the page declares, nested ones included (an exercise page is a MedicalWebPage
        // whose mainEntity is the ExercisePlan; a condition page is about its MedicalCondition).
        const found: string[] = []
        const walk = (node: unknown): void => {
          if (Array.isArray(node)) return node.forEach(walk)
          if (!node || typeof node !== 'object') return
          const type = (node as { '@type'?: unknown })['@type']
          if (typeof type === 'string') found.push(type)
          Object.values(node).forEach(walk)
        }
        walk(data)
        return found
      })
      expect(types, `JSON-LD of ${path}`).toContain(jsonLd)
      expect(errors, `console errors on ${path}`).toEqual([])
    } finally {
      await page.close()
    }
  })

  // Issue 10: the main text is painted before ~130 KB of framework JavaScript is even asked for, so a
  // phone shows the page first and hydrates it after (and Lighthouse's LCP is not tied to the scripts).
  test.for(['/', '/articles/sciatica-and-massage', '/services/deep-tissue-massage', '/conditions/sciatica', exercises[0] ? `/exercises/${exercises[0].slug}` : '/exercises'])(
    '%s, served from the cache, asks for its scripts only after it has loaded and painted, then hydrates',
    async (path) => {
      await get(`${siteUrl}${path}`) // the first visit may render it; the second is the cached copy
      const cached = await get(`${siteUrl}${path}`)
      expect(cached.headers.get('x-nextjs-cache'), `${path} comes from the cache`).toMatch(/HIT|STALE/)
      expect(cached.body, `${path} has no framework <script src> left`).not.toMatch(/<script src="\/_next\/static\/chunks\/[^"]+\.js" async=""/)
      expect(cached.body).not.toMatch(/<link rel="preload" as="script"[^>]*\/_next\/static\/chunks\//)
      expect(cached.body).toContain('self.__clinicLoadApp(["/_next/static/chunks/')

      const page = await context.newPage()
      try {
        const errors = collectConsoleErrors(page)
        await page.goto(`${siteUrl}${path}`, { waitUntil: 'load', timeout: 90_000 })
        await waitForHydration(page)
        const timing = await page.evaluate(() => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
          const paint = performance.getEntriesByName('first-contentful-paint')[0]
          const chunks = performance
            .getEntriesByType('resource')
            .filter((entry) => /\/_next\/static\/chunks\/.+\.js$/.test(entry.name))
            .map((entry) => entry.startTime)
          return { loadEnd: navigation.loadEventEnd, paint: paint?.startTime, chunks }
        })
        expect(timing.chunks.length, `${path} loaded its framework chunks`).toBeGreaterThan(0)
        expect(timing.paint, `${path} painted`).toBeDefined()
        for (const start of timing.chunks) {
          expect(start, 'a chunk was asked for before the load event ended').toBeGreaterThanOrEqual(timing.loadEnd)
          expect(start, 'a chunk was asked for before the first paint').toBeGreaterThan(timing.paint!)
        }
        expect(errors, `console errors on ${path}`).toEqual([])
      } finally {
        await page.close()
      }
    },
  )

  test('/sitemap.xml lists every published page with the public address', async () => {
    const sitemap = await get(`${siteUrl}/sitemap.xml`)
    expect(sitemap.status).toBe(200)
    expect(sitemap.headers.get('content-type')).toMatch(/xml/)
    for (const route of routes) {
      expect(sitemap.body, `sitemap entry for ${route.path}`).toContain(`<loc>${siteUrl}${route.path}</loc>`)
    }
    expect(sitemap.body).toContain('<lastmod>')
  })

  test('/feed.xml is an RSS feed of the articles', async () => {
    const feed = await get(`${siteUrl}/feed.xml`)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toMatch(/rss\+xml|xml/)
    expect(feed.body).toMatch(/<rss\b/)
    for (const article of articles) expect(feed.body).toContain(`${siteUrl}/articles/${article.slug}`)
  })

  test('/robots.txt allows crawling and points to the sitemap at the public address', async () => {
    const robots = await get(`${siteUrl}/robots.txt`)
    expect(robots.status).toBe(200)
    expect(robots.headers.get('content-type')).toMatch(/text\/plain/)
    expect(robots.body).toMatch(/User-Agent: \*/i)
    expect(robots.body).toContain(`Sitemap: ${siteUrl}/sitemap.xml`)
  })
})
