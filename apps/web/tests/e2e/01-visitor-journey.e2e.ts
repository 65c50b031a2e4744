import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { collectConsoleErrors, h1Text, launchBrowser, phone } from './support/browser'
import { cmsJson, docBySlug } from './support/cms'
import { e2e } from './support/context'

const { cmsUrl, siteUrl } = e2e()

let browser: Browser
let context: BrowserContext
let page: Page
let consoleErrors: string[]

beforeAll(async () => {
  browser = await launchBrowser()
  // Visitors land on the sciatica hub from a search engine, on their phones.
  context = await browser.newContext(phone)
  page = await context.newPage()
  page.setDefaultTimeout(60_000)
  consoleErrors = collectConsoleErrors(page)
})

afterAll(async () => {
  await browser?.close()
})

/** Clicks a link as a visitor would, and waits for the next page's heading. */
async function follow(link: Locator, expectedH1: string): Promise<void> {
  const href = String(await link.getAttribute('href'))
  await link.scrollIntoViewIfNeeded()
  await link.click()
  await page.waitForURL((url) => url.pathname === href)
  await page.getByRole('heading', { level: 1, name: expectedH1, exact: true }).waitFor()
  expect(await h1Text(page)).toBe(expectedH1)
}

const slugOf = async (link: Locator) => String(await link.getAttribute('href')).split('/').at(-1) ?? ''

describe('a visitor: home → sciatica hub → an exercise → a service', () => {
  test('follows links from the home page to a service, seeing the right content on each page', async () => {
    const settings = await cmsJson<{ clinicName: string }>(cmsUrl, '/api/globals/site-settings?depth=0')
    const sciatica = await docBySlug(cmsUrl, 'conditions', 'sciatica')

    // Home: the clinic's name, its services and the way into the sciatica hub.
    const home = await page.goto(`${siteUrl}/`)
    expect(home?.status()).toBe(200)
    expect(await h1Text(page)).toBe(settings.clinicName)
    await page.getByRole('heading', { name: 'Massage services' }).waitFor()
    expect(await page.locator('main a[href^="/services/"]').count()).toBeGreaterThan(0)

    // The sciatica hub: what it is, symptoms, causes, red flags, and what helps.
    await follow(page.locator('main a[href="/conditions/sciatica"]').first(), String(sciatica.name))
    expect(new URL(page.url()).pathname).toBe('/conditions/sciatica')
    for (const region of ['What it is', 'Common causes']) await page.getByRole('region', { name: region }).waitFor()
    // The source article had an empty symptom list; the hub must not.
    expect(await page.getByRole('region', { name: 'Symptoms' }).getByRole('listitem').count()).toBeGreaterThan(0)
    await page.getByRole('heading', { name: /see a doctor/i }).waitFor()

    // An exercise from the hub: safety notes first, then numbered steps.
    const exerciseLink = page.getByRole('region', { name: 'Exercises to try at home' }).getByRole('link').first()
    const exercise = await docBySlug(cmsUrl, 'exercises', await slugOf(exerciseLink))
    await follow(exerciseLink, String(exercise.name))
    await page.getByRole('heading', { name: 'Safety first' }).waitFor()
    expect(await page.getByRole('region', { name: 'Steps' }).locator('ol > li').count()).toBeGreaterThan(0)

    // Back to the hub through the exercise's condition link, then on to a massage service.
    await follow(page.locator('main a[href="/conditions/sciatica"]').first(), String(sciatica.name))
    const serviceLink = page.getByRole('region', { name: 'Massage that can help' }).getByRole('link').first()
    const serviceSlug = await slugOf(serviceLink)
    const service = await docBySlug(cmsUrl, 'services', serviceSlug)
    await follow(serviceLink, String(service.name))
    expect(new URL(page.url()).pathname).toBe(`/services/${serviceSlug}`)
    // Durations with prices, and a way to book.
    const main = await page.locator('main').innerText()
    expect(main).toMatch(/\d+\s*min/)
    expect(main).toMatch(/\$\s?\d/)
    expect(await page.locator('main a[href="/book"]').count()).toBeGreaterThan(0)

    expect(consoleErrors).toEqual([])
  })
})
