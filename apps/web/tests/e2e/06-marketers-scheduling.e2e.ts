import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin } from './support/admin'
import { createArticle, uniqueSlug, type CreatedArticle } from './support/articles'
import { desktop, launchBrowser } from './support/browser'
import { login } from './support/cms'
import { e2e } from './support/context'
import { waitFor } from './support/servers'
import { get, h1Of } from './support/site'

/**
 * Scheduled publishing as a marketer does it in the admin: "Schedule Publish" beside "Publish
 * changes", a time, Save. The shared CMS polls for due jobs every second (JOBS_AUTORUN_CRON in
 * global-setup); the admin's picker works in whole minutes, so the spec waits for the next minute.
 */

const { cmsUrl, siteUrl, admin, marketer, logDir } = e2e()

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  // The admin shows and reads times in the browser's time zone.
  context = await browser.newContext({ ...desktop, timezoneId: 'UTC', locale: 'en-US' })
  page = await context.newPage()
  page.setDefaultTimeout(60_000)
})

afterAll(async () => {
  await browser?.close()
})

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A time as the schedule drawer's date picker reads it (its format, "MMM d, yyy h:mm a", in UTC). */
function pickerText(date: Date): string {
  const hours = date.getUTCHours()
  const minutes = String(date.getUTCMinutes()).padStart(2, '0')
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
}

/** The first whole minute at least `leadSeconds` from now. */
function nextMinute(leadSeconds: number): Date {
  const at = new Date(Date.now() + leadSeconds * 1000)
  at.setUTCSeconds(0, 0)
  at.setUTCMinutes(at.getUTCMinutes() + 1)
  return at
}

/** In the admin: open the document, choose Schedule Publish, pick publish or unpublish and the time, Save. */
async function schedule(article: CreatedArticle, type: 'Publish' | 'Unpublish', at: Date) {
  await page.goto(`${cmsUrl}/admin/collections/articles/${article.id}`, { waitUntil: 'load' })
  await page.locator('form.collection-edit__form[data-form-ready="true"]').waitFor()
  await page.locator('#action-save-popup button').first().click()
  await page.getByRole('button', { name: 'Schedule Publish' }).click()
  const drawer = page.locator('.schedule-publish')
  await drawer.waitFor()
  await drawer.getByText(type, { exact: true }).click()
  const time = drawer.locator('#time input')
  await time.fill(pickerText(at))
  await time.press('Tab')
  // The picker clears what it cannot read: make sure it took the time.
  if ((await time.inputValue()) !== pickerText(at)) throw new Error(`The date picker did not accept "${pickerText(at)}"`)
  const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/admin'))
  await drawer.locator('#scheduled-publish-save').click()
  await saved
  await drawer.getByText('Scheduled successfully.').or(page.getByText('Scheduled successfully.')).first().waitFor()
  // The drawer lists the upcoming event at the chosen time.
  await drawer.locator('.schedule-publish__upcoming table').waitFor()
}

const sitemapHas = async (slug: string) => (await get(`${siteUrl}/sitemap.xml`)).body.includes(`/articles/${slug}<`)
const feedHas = async (slug: string) => (await get(`${siteUrl}/feed.xml`)).body.includes(`/articles/${slug}`)

describe('a marketer schedules an article to go live, and another to come down', () => {
  test('at their time the site, the sitemap and the feed change with no other action', { timeout: 360_000 }, async ({ onTestFailed }) => {
    onTestFailed(() => page.screenshot({ path: path.join(logDir, 'scheduling-failure.png'), fullPage: true }).then(() => undefined))
    const token = await login(cmsUrl, admin.email, admin.password)
    const goingLive = await createArticle(cmsUrl, token, { title: 'Gentle stretches for early mornings', slug: uniqueSlug('morning-stretches'), status: 'draft' })
    const comingDown = await createArticle(cmsUrl, token, { title: 'Our winter opening hours', slug: uniqueSlug('winter-hours'), status: 'published' })
    expect((await get(`${siteUrl}/articles/${goingLive.slug}`)).status, 'a draft is not on the site').toBe(404)
    expect(h1Of((await get(`${siteUrl}/articles/${comingDown.slug}`)).body)).toBe(comingDown.title)
    expect(await sitemapHas(comingDown.slug)).toBe(true)

    await adminLogin(page, cmsUrl, marketer)
    // Far enough ahead to schedule both in the admin (slow on a busy machine), on a whole minute.
    const at = nextMinute(45)
    await schedule(goingLive, 'Publish', at)
    await schedule(comingDown, 'Unpublish', at)

    // "What is going out" lists both, with their time, linking to the documents; axe finds nothing.
    await page.goto(`${cmsUrl}/admin/going-out`, { waitUntil: 'load' })
    const scheduled = page.locator('section[aria-labelledby="going-out-scheduled"]')
    const publishRow = scheduled.locator('tr', { hasText: goingLive.title })
    const unpublishRow = scheduled.locator('tr', { hasText: comingDown.title })
    await expect.poll(() => publishRow.innerText()).toContain('Publish')
    expect(await unpublishRow.innerText()).toContain('Unpublish')
    expect(await publishRow.locator('time').getAttribute('datetime')).toBe(at.toISOString())
    expect(await publishRow.getByRole('link', { name: goingLive.title }).getAttribute('href')).toBe(`/admin/collections/articles/${goingLive.id}`)
    const axe = await new AxeBuilder({ page }).include('.going-out').analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
    expect((await get(`${siteUrl}/articles/${goingLive.slug}`)).status, 'not before its time').toBe(404)

    // Nobody touches anything from here on: only the clock moves.
    const deadline = at.getTime() - Date.now() + 60_000
    await waitFor(async () => (await get(`${siteUrl}/articles/${goingLive.slug}`)).status === 200, {
      timeout: deadline,
      interval: 500,
      message: `The scheduled article was not on the site by a minute after ${at.toISOString()}`,
    })
    const elapsed = Date.now() - at.getTime()
    console.log(`[e2e] scheduled publish visible ${elapsed} ms after its time`)
    expect(h1Of((await get(`${siteUrl}/articles/${goingLive.slug}`)).body)).toBe(goingLive.title)
    await waitFor(async () => (await sitemapHas(goingLive.slug)) && (await feedHas(goingLive.slug)), {
      timeout: 15_000,
      message: 'The sitemap and feed did not list the scheduled article',
    })

    await waitFor(async () => (await get(`${siteUrl}/articles/${comingDown.slug}`)).status === 404, {
      timeout: 30_000,
      message: 'The article scheduled to be unpublished was still on the site',
    })
    await waitFor(async () => !(await sitemapHas(comingDown.slug)) && !(await feedHas(comingDown.slug)), {
      timeout: 15_000,
      message: 'The sitemap or feed still listed the unpublished article',
    })

    // And the view no longer lists them as scheduled.
    await page.goto(`${cmsUrl}/admin/going-out`, { waitUntil: 'load' })
    expect(await page.locator('section[aria-labelledby="going-out-scheduled"]').innerText()).not.toContain(goingLive.title)
  })
})
