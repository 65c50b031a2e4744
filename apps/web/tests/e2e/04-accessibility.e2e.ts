import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { desktop, launchBrowser, phone, settle } from './support/browser'
import { publishedDocs } from './support/cms'
import { e2e } from './support/context'

const { cmsUrl, siteUrl } = e2e()

const first = async (collection: string, prefix: string) => {
  const [doc] = await publishedDocs(cmsUrl, collection)
  if (!doc) throw new Error(`The seed has no published ${collection}`)
  return `${prefix}/${doc.slug}`
}

// One page of every route type.
const routeTypes: [string, string, number?][] = [
  ['home', '/'],
  ['article list', '/articles'],
  ['article', '/articles/sciatica-and-massage'],
  ['service list', '/services'],
  ['service', await first('services', '/services')],
  ['exercise list', '/exercises'],
  ['exercise', await first('exercises', '/exercises')],
  ['condition', '/conditions/sciatica'],
  ['team', '/team'],
  ['book', '/book'],
  ['CMS page', '/about'],
  ['CMS page', '/contact'],
  ['404', '/no-such-page', 404],
]

const viewports = [
  ['desktop', desktop],
  ['phone', phone],
] as const

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe.for(viewports)('axe-core on every route type (%s)', ([, viewport]) => {
  test.for(routeTypes)('%s (%s) has no violations', async ([, path, status = 200]) => {
    const context = await browser.newContext(viewport)
    const page = await context.newPage()
    try {
      const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load', timeout: 90_000 })
      expect(response?.status()).toBe(status)
      await settle(page)
      await page.evaluate(() => window.scrollTo(0, 0))
      const results = await new AxeBuilder({ page }).analyze()
      const report = results.violations.map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help}\n` +
          violation.nodes
            .slice(0, 5)
            .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`)
            .join('\n'),
      )
      expect(report, `axe violations on ${path}`).toEqual([])
    } finally {
      await context.close()
    }
  })
})
