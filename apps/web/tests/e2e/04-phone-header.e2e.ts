import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { desktop, launchBrowser, phone, waitForHydration } from './support/browser'
import { publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { expectVisibleFocus, focused, tabTo } from './support/keyboard'

/**
 * The header on a phone (390×844): the page's h1 is in the first screen, search and Book are one
 * tap away, and the navigation sits behind "Menu", a native disclosure that opens by touch and by
 * keyboard, with and without JavaScript. On a desktop the links stay in view.
 */

const { cmsUrl, siteUrl, logDir } = e2e()

const [article] = await publishedDocs(cmsUrl, 'articles')
const [service] = await publishedDocs(cmsUrl, 'services')
if (!article || !service) throw new Error('The seed has no published article or service')
const pages = [
  ['home', '/'],
  ['an article', `/articles/${article.slug}`],
  ['a service', `/services/${service.slug}`],
] as const

const modes = [
  ['JavaScript on', true],
  ['JavaScript off', false],
] as const

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function open(context: BrowserContext, pathname: string, javaScriptEnabled: boolean): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${siteUrl}${pathname}`, { waitUntil: 'load' })
  if (javaScriptEnabled) await waitForHydration(page)
  return page
}

/** The element's box in the first screen (page not scrolled): its bottom edge at most the viewport's height. */
async function bottomOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY)
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

describe.for(modes)('the header on a phone, 390×844 (%s)', ([, javaScriptEnabled]) => {
  test.for(pages)('%s: the h1, search and Book are in the first screen; the links wait behind Menu', async ([, pathname], { onTestFailed }) => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled })
    try {
      const page = await open(context, pathname, javaScriptEnabled)
      onTestFailed(() => page.screenshot({ path: path.join(logDir, `phone-header-${pathname.replace(/\W+/g, '-')}.png`) }).then(() => undefined))
      const height = phone.viewport.height
      const h1Bottom = await bottomOf(page, 'main h1')
      console.log(`[e2e] phone header: ${pathname} h1 ends at ${Math.round(h1Bottom)} px (screen ${height} px), header ${Math.round(await bottomOf(page, '.site-header'))} px`)
      expect(h1Bottom, `the h1 of ${pathname} ends below the first screen`).toBeLessThanOrEqual(height)
      // The header leaves the screen to the content: at most a quarter of it (it was ~290 px).
      expect(await bottomOf(page, '.site-header'), 'the header takes more than a quarter of the screen').toBeLessThanOrEqual(height / 4)
      expect(await page.locator('#header-search').isVisible()).toBe(true)
      expect(await bottomOf(page, '#header-search')).toBeLessThanOrEqual(height)
      const book = page.getByRole('banner').getByRole('link', { name: 'Book', exact: true })
      expect(await book.isVisible()).toBe(true)

      // The links are behind Menu, which says it is collapsed.
      const menu = page.getByRole('banner').locator('summary', { hasText: 'Menu' })
      expect(await menu.isVisible()).toBe(true)
      expect(await mainNav(page).isVisible()).toBe(false)
      await menu.click()
      await expect.poll(() => mainNav(page).isVisible()).toBe(true)
      expect(await page.locator('.site-header__menu').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
      const links = mainNav(page).getByRole('link')
      expect(await links.count()).toBeGreaterThan(2)
      for (const link of await links.all()) expect(await link.isVisible()).toBe(true)
      // A second tap closes it again.
      await menu.click()
      await expect.poll(() => mainNav(page).isVisible()).toBe(false)
    } finally {
      await context.close()
    }
  })

  test('by keyboard: Tab reaches Menu, Enter opens it, the next Tab is its first link, and Enter follows it', async ({ onTestFailed }) => {
    const context = await browser.newContext({ ...phone, hasTouch: false, isMobile: false, javaScriptEnabled })
    try {
      const page = await open(context, '/', javaScriptEnabled)
      onTestFailed(() => page.screenshot({ path: path.join(logDir, 'phone-header-keyboard.png') }).then(() => undefined))
      const menu = await tabTo(page, (state) => state.tag === 'summary' && state.name === 'Menu', 'the Menu disclosure')
      expectVisibleFocus(menu, 'the Menu disclosure')
      expect(await mainNav(page).isVisible()).toBe(false)
      await page.keyboard.press('Enter')
      await expect.poll(() => mainNav(page).isVisible()).toBe(true)
      const firstLink = mainNav(page).getByRole('link').first()
      const href = String(await firstLink.getAttribute('href'))
      await page.keyboard.press('Tab')
      const next = await focused(page)
      expect(next.href, 'the Tab after Menu goes to its first link').toBe(href)
      expectVisibleFocus(next, 'the first link behind Menu')
      await Promise.all([page.waitForURL((url) => url.pathname === href, { timeout: 60_000 }), page.keyboard.press('Enter')])
      expect(new URL(page.url()).pathname).toBe(href)
    } finally {
      await context.close()
    }
  })
})

test('on a desktop the links stay in view and there is no Menu', async () => {
  const context = await browser.newContext(desktop)
  try {
    const page = await open(context, '/', true)
    expect(await mainNav(page).isVisible()).toBe(true)
    expect(await page.getByRole('banner').locator('summary', { hasText: 'Menu' }).isVisible()).toBe(false)
    for (const link of await mainNav(page).getByRole('link').all()) expect(await link.isVisible()).toBe(true)
  } finally {
    await context.close()
  }
})
