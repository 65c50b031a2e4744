import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin, editFormReady } from './support/admin'
import { uniqueSlug } from './support/articles'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson, login, publishedDocs } from './support/cms'
import { e2e } from './support/context'

/**
 * The admin speaks the clinic's language (issue 19): branded, live preview of a brand-new page from
 * its first keystroke, the schedule drawer's defaults, errors with field labels in full, read-only
 * controls that look read-only, and a plain word to a role that may not open a screen.
 */

const { cmsUrl, siteUrl, editor, marketer, logDir } = e2e()
const settings = await cmsJson<{ clinicName: string }>(cmsUrl, '/api/globals/site-settings?depth=0')
const [existingPage] = await publishedDocs(cmsUrl, 'pages')
if (!existingPage) throw new Error('The seed has no published page')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** A fresh browser session (the admin's own login form), in UTC like the CMS of this suite. */
async function session(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...desktop, timezoneId: 'UTC', locale: 'en-US' })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  return { context, page }
}

const shoot = (page: Page, name: string) => () => page.screenshot({ path: path.join(logDir, `${name}.png`), fullPage: true }).then(() => undefined)

describe('the admin is the clinic’s', () => {
  test('the login page, the title, the icon and the side menu name the clinic, not Payload', async ({ onTestFailed }) => {
    const { context, page } = await session()
    onTestFailed(shoot(page, 'branding-failure'))
    try {
      await page.goto(`${cmsUrl}/admin/login`, { waitUntil: 'load' })
      await page.locator('form[data-form-ready="true"]').waitFor()
      expect((await page.locator('.clinic-brand__name').innerText()).trim()).toBe(settings.clinicName)
      expect(await page.locator('.clinic-before-login').innerText()).toContain(`Staff sign-in for the ${settings.clinicName} website`)
      // The title arrives with the streamed metadata: wait for it rather than read it once.
      await expect.poll(() => page.title(), { timeout: 15_000 }).toMatch(/· Clinic CMS$/)
      expect(await page.title()).not.toMatch(/payload/i)
      const icon = await page.locator('link[rel="icon"][href*="clinic-icon.svg"]').first().getAttribute('href')
      const served = await fetch(new URL(String(icon), cmsUrl))
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toContain('image/svg+xml')

      await adminLogin(page, cmsUrl, editor)
      await page.locator('.clinic-brand--icon').first().waitFor()
      expect(await page.locator('.clinic-brand--icon svg').first().isVisible()).toBe(true)
      await expect.poll(() => page.title(), { timeout: 15_000 }).toMatch(/· Clinic CMS$/)
    } finally {
      await context.close()
    }
  })
})

describe('a brand-new page with the live preview pane already open', () => {
  test('the pane says what will happen, then shows the page after the first autosave, with no reload', { timeout: 240_000 }, async ({ onTestFailed }) => {
    const { context, page } = await session()
    onTestFailed(shoot(page, 'live-preview-new-failure'))
    try {
      await adminLogin(page, cmsUrl, editor)
      // Open the pane once on a page: the admin remembers it for the collection.
      await page.goto(`${cmsUrl}/admin/collections/pages/${existingPage.id}`, { waitUntil: 'load' })
      await editFormReady(page)
      if ((await page.locator('iframe#live-preview-iframe').count()) === 0) {
        // The admin saves the choice in the background: leaving before it is saved opens the new
        // page without the pane.
        const remembered = page.waitForResponse(
          (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/payload-preferences/collection-pages',
          { timeout: 30_000 },
        )
        await page.getByRole('button', { name: 'Live Preview', exact: true }).click()
        expect((await remembered).ok()).toBe(true)
      }
      await page.locator('iframe#live-preview-iframe').waitFor()

      await page.goto(`${cmsUrl}/admin/collections/pages/create`, { waitUntil: 'load' })
      await page.locator('input#field-title[name="title"]').first().waitFor()
      let reloads = 0
      page.on('load', () => (reloads += 1))
      const frame = page.frameLocator('iframe#live-preview-iframe')
      await page.locator('iframe#live-preview-iframe').waitFor()

      // Before the first save: a message in the frame, never raw JSON.
      const waiting = frame.getByRole('heading', { name: 'The preview appears here as soon as the page is saved' })
      await waiting.waitFor({ timeout: 60_000 })
      expect(await frame.locator('body').innerText()).not.toContain('{"error"')

      // The first keystrokes: the admin autosaves a draft, which gives the page its slug.
      const title = `Winter open evening ${uniqueSlug('e2e')}`
      const saved = page.waitForResponse(
        (response) => ['POST', 'PATCH'].includes(response.request().method()) && new URL(response.url()).pathname.startsWith('/api/pages'),
        { timeout: 60_000 },
      )
      const typed = Date.now()
      await page.locator('input#field-title[name="title"]').first().fill(title)
      expect((await saved).ok()).toBe(true)
      await expect
        .poll(() => frame.locator('h1').first().innerText({ timeout: 5_000 }).then((text) => text.trim(), () => ''), { timeout: 60_000, interval: 250 })
        .toBe(title)
      console.log(`[e2e] live preview of a new page showed it ${Date.now() - typed} ms after the first keystroke`)
      await frame.getByRole('complementary', { name: 'Preview mode' }).waitFor()
      const src = new URL(String(await page.locator('iframe#live-preview-iframe').getAttribute('src')))
      expect(src.origin).toBe(siteUrl)
      expect(reloads, 'the admin page was reloaded').toBe(0)

      // A page needs a block before it can be published, and a schedule that could not publish is
      // refused up front (issue 19): the draft gets one, as the editor would add it.
      const pageId = /\/collections\/pages\/([^/?#]+)/.exec(page.url())?.[1]
      if (!pageId) throw new Error(`No page id in ${page.url()}`)
      const token = await login(cmsUrl, editor.email, editor.password)
      await cmsJson(cmsUrl, `/api/pages/${pageId}?draft=true`, {
        method: 'PATCH',
        token,
        body: { layout: [{ blockType: 'callToAction', heading: 'Come and see us', buttonLabel: 'Book an appointment', buttonUrl: '/book' }] },
      })

      // The schedule drawer of this never-published draft, opened afresh (as a colleague would find
      // it later): Publish, in the clinic's time zone.
      await page.reload({ waitUntil: 'load' })
      await editFormReady(page)
      await page.locator('#action-save-popup button').first().click()
      await page.getByRole('button', { name: 'Schedule Publish' }).click()
      const drawer = page.locator('.schedule-publish')
      await drawer.waitFor()
      const checked = await drawer.locator('.schedule-publish__type input[type="radio"]').evaluateAll((inputs) =>
        inputs.filter((input) => (input as HTMLInputElement).checked).map((input) => input.closest('label')?.textContent?.trim() ?? (input as HTMLInputElement).value),
      )
      expect(checked).toEqual(['Publish'])
      const zone = await drawer.locator('.timezone-picker').innerText()
      expect(zone).toContain('UTC')
      expect(zone).not.toContain('Select a value')

      // Saved, the upcoming event names the zone.
      const at = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 11, 31, 10, 0))
      const time = drawer.locator('#time input')
      await time.fill(`Dec 31, ${at.getUTCFullYear()} 10:00 AM`)
      await time.press('Tab')
      await drawer.locator('#scheduled-publish-save').click()
      const upcoming = drawer.locator('.schedule-publish__upcoming table')
      await upcoming.waitFor()
      const row = await upcoming.locator('tbody tr').first().innerText()
      expect(row).toContain('Publish')
      expect(row).toContain('UTC')
      expect(row).not.toContain('No value')
    } finally {
      await context.close()
    }
  })
})

describe('a marketer', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    ;({ context, page } = await session())
    await adminLogin(page, cmsUrl, marketer)
  })

  afterAll(async () => {
    await context?.close()
  })

  test('opening "Create new" staff account is told plainly that the role may not, not to log in', async ({ onTestFailed }) => {
    onTestFailed(shoot(page, 'not-allowed-failure'))
    await page.goto(`${cmsUrl}/admin/collections/users/create`, { waitUntil: 'load' })
    const notice = page.locator('.unauthorized').first()
    await notice.waitFor()
    const text = (await notice.innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('Your account may not open this page or make this request')
    expect(text).toContain('ask an administrator')
    expect(await page.locator('body').innerText()).not.toContain('must be logged in')
  })

  test('the admin\'s own "not allowed" page names the account and its role, and leads back to the dashboard', async () => {
    await page.goto(`${cmsUrl}/admin/unauthorized`, { waitUntil: 'load' })
    const notice = page.locator('.not-allowed')
    await notice.waitFor()
    expect((await notice.getByRole('heading', { level: 1 }).innerText()).trim()).toBe('Your account may not open that page')
    expect(await notice.innerText()).toContain(`You are logged in as ${marketer.email} (a Marketer)`)
    await notice.getByRole('link', { name: 'Back to the dashboard' }).click()
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
  })

  test('sees fields they may not change without remove buttons, clear buttons or calendars', async ({ onTestFailed }) => {
    onTestFailed(shoot(page, 'read-only-failure'))
    const articles = await publishedDocs(cmsUrl, 'articles')
    const withRelations = await Promise.all(
      articles.map((doc) => cmsJson<{ id: number; conditions?: unknown[]; reviewedAt?: string }>(cmsUrl, `/api/articles/${doc.id}?depth=0`)),
    )
    const article = withRelations.find((doc) => (doc.conditions?.length ?? 0) > 0 && doc.reviewedAt)
    if (!article) throw new Error('The seed has no article with conditions and a review date')
    await page.goto(`${cmsUrl}/admin/collections/articles/${article.id}`, { waitUntil: 'load' })
    await page.locator('form.collection-edit__form[data-form-ready="true"]').waitFor()

    const readOnlyRelations = page.locator('.relationship--read-only')
    await readOnlyRelations.first().waitFor()
    // The pills are there (the values show) ...
    await readOnlyRelations.locator('.multi-value').first().waitFor()
    // ... and nothing on them looks clickable.
    const visibleControls = async (selector: string) =>
      (await Promise.all((await page.locator(selector).all()).map((control) => control.isVisible()))).filter(Boolean).length
    expect(await visibleControls('.relationship--read-only .multi-value-remove')).toBe(0)
    expect(await visibleControls('.relationship--read-only .clear-indicator')).toBe(0)
    expect(await visibleControls('.relationship--read-only .dropdown-indicator')).toBe(0)
    // "Reviewed on" and "Next review due" in the sidebar.
    await page.locator('.date-time-field.read-only >> visible=true').first().waitFor()
    expect(await visibleControls('.date-time-field.read-only .date-time-picker__clear-button')).toBe(0)
    expect(await visibleControls('.date-time-field.read-only .date-time-picker__icon-wrap')).toBe(0)
  })

  test('a refused redirect names the field by its label, and the whole message shows beside it', async ({ onTestFailed }) => {
    onTestFailed(shoot(page, 'redirect-error-failure'))
    await page.goto(`${cmsUrl}/admin/collections/redirects/create`, { waitUntil: 'load' })
    await page.locator('form.collection-edit__form[data-form-ready="true"]').waitFor()
    // The destination's fields read as staff speak, not "To URL Type".
    expect(await page.locator('form').innerText()).not.toContain('To URL Type')
    await page.locator('input[name="from"]').fill(`/${uniqueSlug('old-offer')}`)
    await page.getByText('Custom URL', { exact: true }).first().click()
    await page.locator('input[name="to.url"]').fill('services')
    const saved = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/redirects')
    await page.locator('#action-save').click()
    expect((await saved).status()).toBe(400)

    const toast = page.locator('.payload-toast-container, [data-sonner-toaster]').getByText(/following field is invalid/i).first()
    await toast.waitFor()
    const toastText = (await toast.innerText()).trim()
    expect(toastText).toContain('The following field is invalid: Address')
    expect(toastText).not.toContain('to.url')

    const message = '“services” is not an address. Enter a path on this site (/services) or a full address (https://example.org/page).'
    // Beside the field, in full: nothing cut off with "…", and on screen. (Read in one go: the admin
    // rebuilds its form state after a refused save.)
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const el = [...document.querySelectorAll<HTMLElement>('.field-error')].find((node) => node.innerText.includes('is not an address'))
            if (!el) return null
            const content = el.querySelector<HTMLElement>('.tooltip-content') ?? el
            const box = el.getBoundingClientRect()
            return {
              text: el.innerText.replace(/\s+/g, ' ').trim(),
              overflowing: content.scrollWidth > content.clientWidth + 1,
              ellipsis: getComputedStyle(content).textOverflow === 'ellipsis' && getComputedStyle(content).whiteSpace === 'nowrap',
              offScreen: box.left < 0 || box.right > window.innerWidth || box.width === 0,
            }
          }),
        { timeout: 30_000, interval: 100 },
      )
      .toEqual({ text: message, overflowing: false, ellipsis: false, offScreen: false })
  })
})
