import { recordCases } from '@clinic/test-support'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson } from './support/cms'
import { e2e } from './support/context'

/**
 * The content contract: what must be on every page of each route type, on the production build,
 * checked against what the CMS holds. One row per route type; a new route type (search, book,
 * paginated lists …) joins with one row in `routeTypes`.
 */

const { cmsUrl, siteUrl } = e2e()

// CMS documents as the REST API returns them: read loosely, each row knows its own fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

interface Settings {
  medicalDisclaimer: string
  bookingUrl: string
}

/** One page of a route type, and the CMS document it shows (if any). */
interface PageOf {
  path: string
  doc?: Json
}

interface RouteType {
  name: string
  pages: () => Promise<PageOf[]>
  /** The <h1> the page must show. */
  h1?: (doc: Json) => string
  /** The page's own JSON-LD: its @type and the properties it must carry (beyond the clinic's, on every page). */
  jsonLd: { type: string; required: (doc: Json | undefined, url: string) => Record<string, unknown> }
  /** Health content: the medical disclaimer must be on the page. */
  health: boolean
  /** Red flags ("see a doctor if …") the page must show, taken from the document. */
  redFlags?: (doc: Json) => string[]
  /** Safety notes that must come before the steps (exercises). */
  safetyBeforeSteps?: (doc: Json) => string[]
  /** A booking call to action in the page's own content; false where the page is the booking page. */
  booking: boolean
  /** Open Graph type. */
  ogType: 'article' | 'website'
}

const published = async (collection: string, depth = 1): Promise<Json[]> =>
  (await cmsJson<{ docs: Json[] }>(cmsUrl, `/api/${collection}?limit=100&depth=${depth}&sort=slug`)).docs

const name = (value: unknown) => (value && typeof value === 'object' ? (value as Json).name : undefined)

/** Red-flag callouts in an article's Lexical body. */
function redFlagCallouts(body: Json | undefined): string[] {
  const found: string[] = []
  const walk = (node: Json) => {
    if (node?.type === 'block' && node.fields?.blockType === 'callout' && node.fields.tone === 'red-flag') found.push(String(node.fields.body))
    for (const child of node?.children ?? []) walk(child)
  }
  if (body?.root) walk(body.root)
  return found
}

/** A list or landing page: its own JSON-LD is the breadcrumb trail, ending at the page itself. */
const breadcrumbs = (_doc: Json | undefined, url: string) => ({ 'itemListElement.last.item': url })

const routeTypes: RouteType[] = [
  {
    name: 'home',
    pages: async () => [{ path: '/' }],
    jsonLd: { type: 'HealthAndBeautyBusiness', required: () => ({ name: expect.any(String), 'address.streetAddress': expect.any(String), telephone: expect.any(String), openingHoursSpecification: expect.any(Array) }) },
    health: false,
    booking: true,
    ogType: 'website',
  },
  {
    name: 'article',
    pages: async () => (await published('articles')).map((doc) => ({ path: `/articles/${doc.slug}`, doc })),
    h1: (doc) => doc.title,
    jsonLd: {
      type: 'MedicalWebPage',
      required: (doc, url) => ({
        name: doc!.title,
        url,
        description: doc!.excerpt,
        dateModified: expect.any(String),
        'author.name': name(doc!.author),
        ...(doc!.medicalReviewer ? { 'reviewedBy.name': name(doc!.medicalReviewer), lastReviewed: String(doc!.reviewedAt).slice(0, 10) } : {}),
      }),
    },
    health: true,
    redFlags: (doc) => redFlagCallouts(doc.body),
    booking: true,
    ogType: 'article',
  },
  {
    name: 'condition',
    pages: async () => (await published('conditions')).map((doc) => ({ path: `/conditions/${doc.slug}`, doc })),
    h1: (doc) => doc.name,
    jsonLd: {
      type: 'MedicalCondition',
      required: (doc, url) => ({ name: doc!.name, url, description: doc!.summary, 'signOrSymptom.length': doc!.symptoms.length }),
    },
    health: true,
    redFlags: (doc) => (doc.redFlags ?? []).map((row: Json) => row.flag),
    booking: true,
    ogType: 'website',
  },
  {
    name: 'exercise',
    pages: async () => (await published('exercises')).map((doc) => ({ path: `/exercises/${doc.slug}`, doc })),
    h1: (doc) => doc.name,
    jsonLd: {
      type: 'ExercisePlan',
      required: (doc, url) => ({ name: doc!.name, url, description: doc!.summary, activityFrequency: doc!.frequency }),
    },
    health: true,
    safetyBeforeSteps: (doc) => [doc.safetyNotes, ...(doc.stopIf ?? []).map((row: Json) => row.warning)],
    booking: true,
    ogType: 'website',
  },
  {
    name: 'service',
    pages: async () => (await published('services')).map((doc) => ({ path: `/services/${doc.slug}`, doc })),
    h1: (doc) => doc.name,
    jsonLd: {
      type: 'Service',
      required: (doc, url) => ({ name: doc!.name, url, description: doc!.summary, 'provider.@id': `${siteUrl}/#clinic`, 'offers.length': doc!.durations.length, 'offers.0.price': expect.any(String), 'offers.0.priceCurrency': expect.any(String) }),
    },
    health: true,
    booking: true,
    ogType: 'website',
  },
  { name: 'article list', pages: async () => [{ path: '/articles' }], jsonLd: { type: 'BreadcrumbList', required: breadcrumbs }, health: false, booking: true, ogType: 'website' },
  { name: 'service list', pages: async () => [{ path: '/services' }], jsonLd: { type: 'BreadcrumbList', required: breadcrumbs }, health: false, booking: true, ogType: 'website' },
  { name: 'exercise list', pages: async () => [{ path: '/exercises' }], jsonLd: { type: 'BreadcrumbList', required: breadcrumbs }, health: true, booking: true, ogType: 'website' },
  { name: 'team', pages: async () => [{ path: '/team' }], jsonLd: { type: 'BreadcrumbList', required: breadcrumbs }, health: false, booking: true, ogType: 'website' },
  // The booking page is the call to action itself.
  { name: 'book', pages: async () => [{ path: '/book' }], jsonLd: { type: 'BreadcrumbList', required: breadcrumbs }, health: false, booking: false, ogType: 'website' },
  {
    name: 'page',
    pages: async () => (await published('pages')).map((doc) => ({ path: `/${doc.slug}`, doc })),
    h1: undefined,
    jsonLd: { type: 'BreadcrumbList', required: breadcrumbs },
    health: false,
    booking: true,
    ogType: 'website',
  },
]

/** Reads a dotted path ("offers.0.price", "itemListElement.last.item", "signOrSymptom.length"). */
function at(value: unknown, path: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let current: any = value
  for (const key of path.split('.')) {
    if (current === undefined || current === null) return undefined
    current = key === 'last' && Array.isArray(current) ? current.at(-1) : current[key]
  }
  return current
}

/**
 * Every typed JSON-LD object on the page: arrays, @graph and nested objects flattened (an exercise
 * page is a MedicalWebPage whose mainEntity is the ExercisePlan; a condition page is about its
 * MedicalCondition).
 */
function jsonLdObjects(texts: string[]): Json[] {
  const out: Json[] = []
  const add = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(add)
    else if (value && typeof value === 'object') {
      if ('@type' in (value as Json)) out.push(value as Json)
      Object.values(value as Json).forEach(add)
    }
  }
  for (const text of texts) add(JSON.parse(text))
  return out
}

const typesOf = (ld: Json) => [ld['@type']].flat()

let browser: Browser
let context: BrowserContext
let settings: Settings
let cases = 0

const rows = await Promise.all(routeTypes.map(async (routeType) => ({ routeType, pages: await routeType.pages() })))

beforeAll(async () => {
  settings = await cmsJson<Settings>(cmsUrl, '/api/globals/site-settings?depth=0')
  expect(settings.medicalDisclaimer, 'the seed sets a medical disclaimer').toBeTruthy()
  browser = await launchBrowser()
  context = await browser.newContext(desktop)
})

afterAll(async () => {
  console.log(`content contract: ${cases} cases checked on ${rows.reduce((sum, row) => sum + row.pages.length, 0)} pages of ${rows.length} route types`)
  recordCases('content contract', cases, 'route types × their pages × what must be on them')
  await browser?.close()
})

/** Counts a case and checks it; the message says which page broke which clause. */
function clause(where: string, what: string, check: () => void | Promise<void>) {
  cases++
  return Promise.resolve()
    .then(check)
    .catch((error: Error) => {
      throw new Error(`${where}: ${what}. ${error.message}`, { cause: error })
    })
}

async function textOf(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector)
  return (await locator.count()) ? (await locator.allInnerTexts()).join('\n').replace(/\s+/g, ' ') : ''
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('content contract', () => {
  test('every route type has pages to check', () => {
    for (const { routeType, pages } of rows) expect(pages.length, `no ${routeType.name} pages in the CMS`).toBeGreaterThan(0)
  })

  const allPages = rows.flatMap(({ routeType, pages }) => pages.map((entry) => ({ ...entry, routeType, label: `${routeType.name} ${entry.path}` })))

  test.for(allPages)('$label', async ({ path, doc, routeType }) => {
    const where = `${routeType.name} ${path}`
    const url = path === '/' ? siteUrl : `${siteUrl}${path}`
    const page = await context.newPage()
    try {
      const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load', timeout: 90_000 })
      expect(response?.status(), `${where}: status`).toBe(200)

      await clause(where, 'exactly one <h1>, with the document’s title', async () => {
        const headings = await page.locator('h1').allInnerTexts()
        expect(headings).toHaveLength(1)
        expect(squash(headings[0]!)).not.toBe('')
        if (routeType.h1 && doc) expect(squash(headings[0]!)).toBe(routeType.h1(doc))
      })

      await clause(where, `its own JSON-LD (${routeType.jsonLd.type}) with the required properties`, async () => {
        const objects = jsonLdObjects(await page.locator('script[type="application/ld+json"]').allTextContents())
        const own = objects.filter((ld) => typesOf(ld).includes(routeType.jsonLd.type))
        expect(own.length, `JSON-LD types on the page: ${objects.map((ld) => typesOf(ld).join('/')).join(', ')}`).toBeGreaterThan(0)
        const required = routeType.jsonLd.required(doc, url)
        // The first object of the type that carries every required property.
        const missing = own.map((ld) => Object.entries(required).filter(([key, value]) => !matches(at(ld, key), value)).map(([key]) => key))
        const best = missing.reduce((a, b) => (b.length < a.length ? b : a))
        expect(best, `required properties missing or wrong: ${JSON.stringify(own[0]).slice(0, 600)}`).toEqual([])
      })

      if (routeType.health) {
        await clause(where, 'the medical disclaimer', async () => {
          const disclaimer = page.getByRole('complementary', { name: 'Medical disclaimer' })
          expect(await disclaimer.count(), 'a “Medical disclaimer” region').toBe(1)
          expect(squash(await disclaimer.innerText())).toContain(squash(settings.medicalDisclaimer))
        })
      }

      if (doc?.medicalReviewer && typeof doc.medicalReviewer === 'object') {
        await clause(where, 'the review line (who reviewed the medical claims, and when)', async () => {
          const body = squash(await textOf(page, 'main'))
          expect(body).toContain(`Medically reviewed by ${doc.medicalReviewer.name}`)
          if (doc.reviewedAt) expect(await page.locator(`main time[datetime="${String(doc.reviewedAt).slice(0, 10)}"]`).count()).toBeGreaterThan(0)
        })
      }

      const flags = routeType.redFlags && doc ? routeType.redFlags(doc) : []
      if (routeType.redFlags && doc) {
        if (routeType.name === 'condition') expect(flags.length, `${where}: a condition hub names its red flags`).toBeGreaterThan(0)
        for (const flag of flags) {
          await clause(where, `the red flag “${flag.slice(0, 60)}…”, in a highlighted region`, async () => {
            // The red-flags component: a labelled region of its own (a landmark a screen reader can jump to).
            const regions = await page.locator('main section.red-flags[aria-labelledby], main aside, main [role="alert"]').allInnerTexts()
            expect(regions.some((text) => squash(text).includes(squash(flag))), 'no highlighted region holds it').toBe(true)
          })
        }
      }

      if (routeType.safetyBeforeSteps && doc) {
        await clause(where, 'safety notes, before the steps', async () => {
          const order = await page.evaluate(() => {
            const heading = [...document.querySelectorAll('main h2')]
            const safety = heading.find((h) => /safety/i.test(h.textContent ?? ''))
            const stepsHeading = heading.find((h) => /^steps$/i.test((h.textContent ?? '').trim()))
            const steps = stepsHeading?.closest('section')?.querySelector('ol') ?? null
            const region = safety?.closest('aside, section') ?? safety?.parentElement
            return {
              safetyText: region?.textContent ?? '',
              hasSteps: Boolean(steps && steps.children.length > 0),
              before: Boolean(region && steps && region.compareDocumentPosition(steps) & Node.DOCUMENT_POSITION_FOLLOWING),
            }
          })
          for (const note of routeType.safetyBeforeSteps!(doc)) expect(squash(order.safetyText)).toContain(squash(note))
          expect(order.hasSteps, 'a numbered list of steps under “Steps”').toBe(true)
          expect(order.before, 'the safety notes come before the numbered steps').toBe(true)
        })
      }

      if (routeType.booking) {
        await clause(where, 'a booking call to action in the page’s content', async () => {
          const target = new URL(settings.bookingUrl, siteUrl).href
          const links = await page.locator('main a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))
          expect(links, `a link to ${target} inside <main>`).toContain(target)
        })
      }

      await clause(where, 'canonical URL and Open Graph tags', async () => {
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
        if (path === '/') expect([siteUrl, `${siteUrl}/`]).toContain(canonical)
        else expect(canonical).toBe(url)
        const og = async (property: string) => page.locator(`meta[property="og:${property}"]`).first().getAttribute('content').catch(() => null)
        expect(await og('url'), 'og:url is the canonical URL').toBe(canonical)
        expect(squash((await og('title')) ?? '')).not.toBe('')
        expect(squash((await og('description')) ?? '')).not.toBe('')
        expect(await og('type')).toBe(routeType.ogType)
        expect(await page.locator('meta[name="twitter:card"]').count()).toBeGreaterThan(0)
      })
    } finally {
      await page.close()
    }
  })
})

/** An expected value: a literal, or an asymmetric matcher (expect.any …). */
function matches(actual: unknown, expected: unknown): boolean {
  if (expected && typeof expected === 'object' && 'asymmetricMatch' in expected) {
    return (expected as { asymmetricMatch: (value: unknown) => boolean }).asymmetricMatch(actual)
  }
  return actual === expected
}
