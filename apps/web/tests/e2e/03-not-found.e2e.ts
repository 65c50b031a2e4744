import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { collectConsoleErrors, desktop, h1Text, launchBrowser } from './support/browser'
import { e2e } from './support/context'
import { get } from './support/site'

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
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/)
      // Chrome reports the 404 document itself as a failed load; nothing else may fail.
      expect(errors.filter((error) => !error.includes(`(${siteUrl}${path})`))).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('asking again still gives 404 (a cached miss stays a 404)', async () => {
    for (const path of unknown.slice(0, 2)) {
      const again = await get(`${siteUrl}${path}`)
      expect(again.status).toBe(404)
    }
  })
})
