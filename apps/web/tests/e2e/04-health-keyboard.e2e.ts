import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { adminLogin } from './support/admin'
import { desktop, launchBrowser } from './support/browser'
import { docBySlug } from './support/cms'
import { e2e } from './support/context'
import { expectNoPositiveTabindex, expectVisibleFocus, focused, pressAndNavigate, tabTo } from './support/keyboard'

/**
 * Health content people can trust, and every visitor task done with the keyboard alone.
 *
 * The tasks below drive the site only through `page.keyboard.press`, checking at every stop that
 * the focus is visible (a computed outline or box shadow) and moves forward in document order.
 * Each task is one test built from the helpers in support/keyboard.ts; the search and booking
 * tasks are added the same way once those pages exist (see the end of this file).
 */

const { cmsUrl, siteUrl, editor } = e2e()
const articlePath = '/articles/sciatica-and-massage'

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

beforeEach(async () => {
  context = await browser.newContext(desktop)
  // The browser's print dialog cannot be driven headless: record the call instead of opening it.
  await context.addInitScript(() => {
    const w = window as unknown as { __printCalls: number }
    w.__printCalls = 0
    window.print = () => {
      w.__printCalls += 1
    }
  })
  page = await context.newPage()
  page.setDefaultTimeout(60_000)
})

afterEach(async () => {
  await context?.close()
})

const formatDay = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso))

describe('the sciatica article shows who reviewed it, when, and its sources', () => {
  test('review line, references and red flags in the page; lastReviewed, reviewedBy and citation in the JSON-LD', async () => {
    const article = await docBySlug(cmsUrl, 'articles', 'sciatica-and-massage')
    const response = await page.goto(`${siteUrl}${articlePath}`)
    expect(response?.status()).toBe(200)

    const review = (await page.locator('.medical-review').innerText()).replace(/\s+/g, ' ')
    expect(review).toBe(
      `Medically reviewed by Priya Raman, MScPT, registered physiotherapist on ${formatDay(String(article.reviewedAt))} · ` +
        `Next review due ${formatDay(String(article.nextReviewDue))}`,
    )

    const references = page.getByRole('region', { name: 'References' })
    const items = (await references.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Sciatica\. NHS\. Accessed \d+ \w+ \d{4}\.$/),
        expect.stringMatching(/^Low back pain and sciatica in over 16s.*NG59.*\. National Institute for Health and Care Excellence \(NICE\)\./),
      ]),
    )
    expect(await references.getByRole('link', { name: 'Sciatica', exact: true }).getAttribute('href')).toBe('https://www.nhs.uk/conditions/sciatica/')

    // Red flags: their own landmark and heading, before the self-care advice.
    const redFlags = page.getByRole('region', { name: 'When to see a doctor first' })
    await redFlags.waitFor()
    const order = await page.evaluate(() => {
      const flags = document.querySelector('.red-flags')
      const selfCare = [...document.querySelectorAll('h2')].find((h) => h.textContent?.includes('Exercises to try at home'))
      return flags && selfCare ? Boolean(flags.compareDocumentPosition(selfCare) & Node.DOCUMENT_POSITION_FOLLOWING) : null
    })
    expect(order, 'red flags come before the home exercises').toBe(true)

    const jsonLd = await page.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => JSON.parse(s.textContent ?? 'null')))
    const webPage = jsonLd.flat().find((item: { '@type'?: string }) => item?.['@type'] === 'MedicalWebPage')
    expect(webPage).toMatchObject({
      lastReviewed: String(article.reviewedAt).slice(0, 10),
      reviewedBy: { '@type': 'Person', name: 'Priya Raman', hasCredential: expect.arrayContaining([expect.objectContaining({ name: 'Registered physiotherapist' })]) },
      medicalAudience: { '@type': 'Patient' },
      about: [expect.objectContaining({ '@type': 'MedicalCondition', name: 'Sciatica' })],
      citation: expect.arrayContaining([{ '@type': 'CreativeWork', name: 'Sciatica', publisher: { '@type': 'Organization', name: 'NHS' }, url: 'https://www.nhs.uk/conditions/sciatica/' }]),
    })
  })

  test('the sciatica hub shows its red flags in their own landmark, before any self-care, with its review and sources', async () => {
    await page.goto(`${siteUrl}/conditions/sciatica`)
    const redFlags = page.getByRole('region', { name: 'When to see a doctor' })
    expect(await redFlags.getByRole('heading', { level: 2 }).innerText()).toContain('When to see a doctor')
    expect(await redFlags.getByRole('listitem').count()).toBeGreaterThanOrEqual(3)
    const before = await page.evaluate(() => {
      const flags = document.querySelector('.red-flags')
      const exercises = document.getElementById('condition-exercises')
      return Boolean(flags && exercises && flags.compareDocumentPosition(exercises) & Node.DOCUMENT_POSITION_FOLLOWING)
    })
    expect(before).toBe(true)
    expect(await page.locator('.medical-review').innerText()).toMatch(/^Medically reviewed by Priya Raman.* on \d+ \w+ \d{4} · Next review due \d+ \w+ \d{4}$/)
    expect(await page.getByRole('region', { name: 'References' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(2)
  })
})

describe('in the admin, staff see the reading grade and what needs re-reviewing', () => {
  test('the reading grade beside the body and as a list column; the reviews-due view from the menu', async () => {
    await adminLogin(page, cmsUrl, editor)
    const article = await docBySlug(cmsUrl, 'articles', 'sciatica-and-massage')
    const grade = Number(article.readingGrade)
    expect(grade).toBeGreaterThan(0)
    expect(grade).toBeLessThanOrEqual(9)

    await page.goto(`${cmsUrl}/admin/collections/articles/${article.id}`, { waitUntil: 'load', timeout: 120_000 })
    const gradeNote = page.locator('.reading-grade')
    await gradeNote.waitFor({ timeout: 60_000 })
    expect((await gradeNote.innerText()).replace(/\s+/g, ' ')).toBe(
      `Reading level: grade ${grade.toFixed(1)} (Flesch–Kincaid). Within the target of grade 9 or lower.`,
    )

    await page.goto(`${cmsUrl}/admin/collections/articles`, { waitUntil: 'load', timeout: 120_000 })
    await page.getByRole('columnheader', { name: /Reading grade/i }).waitFor({ timeout: 60_000 })

    // The side menu links to it (the menu may be folded away at this width, so the test follows the link's address).
    const menuLink = page.locator('a.reviews-due-nav-link')
    expect(await menuLink.innerText()).toBe('Medical reviews due')
    await page.goto(new URL(String(await menuLink.getAttribute('href')), cmsUrl).href, { waitUntil: 'load', timeout: 120_000 })
    await page.getByRole('heading', { level: 1, name: 'Medical reviews due' }).waitFor()
    // The seed's reviews are all recent.
    expect(await page.getByRole('status').filter({ hasText: 'Nothing is due' }).count()).toBe(1)
  })
})

describe('every visitor task by keyboard alone, with the focus always visible', () => {
  test('read an article: the skip link leads to the main content, which has one h1, ordered headings and landmarks', async () => {
    await page.goto(`${siteUrl}${articlePath}`)
    await expectNoPositiveTabindex(page)

    // The first Tab shows the skip link.
    await page.keyboard.press('Tab')
    const skip = await focused(page)
    expect(skip.name).toBe('Skip to main content')
    expectVisibleFocus(skip, 'the skip link')

    // Enter moves focus into the main content; the next Tab is the first link inside it, not the header.
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    const firstInMain = await tabTo(page, () => true, 'the first link in the main content', 1)
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true)
    expect(firstInMain.name).toBe('Home')

    // Landmarks a screen reader lists, and a heading outline without gaps.
    for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), role).toBe(1)
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(1)
    await page.getByRole('region', { name: 'When to see a doctor first' }).waitFor()
    const levels = await page.$$eval('main h1, main h2, main h3, main h4', (hs) => hs.map((h) => Number(h.tagName[1])))
    expect(levels[0]).toBe(1)
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    for (let i = 1; i < levels.length; i += 1) expect(levels[i]! - levels[i - 1]!, `heading ${i + 1} skips a level`).toBeLessThanOrEqual(1)

    // Reading on: Tab reaches the reviewer's profile link and then the references, each with a visible focus ring.
    const reviewer = await tabTo(page, (state) => state.name === 'Priya Raman', 'the medical reviewer link')
    expect(reviewer.href).toBe('/team#priya-raman')
    const source = await tabTo(page, (state) => state.href === 'https://www.nhs.uk/conditions/sciatica/', 'the NHS reference', 120)
    expect(source.name).toBe('Sciatica')
  })

  test('find an exercise from the home page and print it', async () => {
    await page.goto(`${siteUrl}/`)
    await expectNoPositiveTabindex(page)

    // Header navigation → the exercises list.
    await tabTo(page, (state) => state.name === 'Exercises' && state.href === '/exercises', 'the "Exercises" link in the header')
    await pressAndNavigate(page, 'Enter', '/exercises')
    expect((await page.locator('h1').innerText()).trim()).toMatch(/exercises/i)

    // Skip the header, then the first exercise in the list.
    await page.keyboard.press('Tab')
    expect((await focused(page)).name).toBe('Skip to main content')
    await page.keyboard.press('Enter')
    const card = await tabTo(page, (state) => Boolean(state.href?.startsWith('/exercises/')), 'the first exercise in the list')
    await pressAndNavigate(page, 'Enter', String(card.href))
    expect((await page.locator('h1').innerText()).trim()).toBe(card.name)

    // The print button, by keyboard.
    await expectNoPositiveTabindex(page)
    const printButton = await tabTo(page, (state) => state.tag === 'button' && state.name === 'Print this exercise', 'the print button')
    expectVisibleFocus(printButton, 'the print button')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(1)
    await page.keyboard.press('Space')
    expect(await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(2)

    // What prints: the exercise with its safety notes and steps, without the site around it or the button.
    await page.emulateMedia({ media: 'print' })
    for (const hidden of ['.site-header', '.site-footer', '.skip-link', '.print-button']) {
      expect(await page.locator(hidden).first().isVisible(), `${hidden} is hidden in print`).toBe(false)
    }
    for (const shown of ['Safety first', 'Steps']) {
      expect(await page.getByRole('heading', { name: shown }).isVisible(), `${shown} prints`).toBe(true)
    }
    expect(await page.locator('.steps > li').count()).toBeGreaterThanOrEqual(3)
  })

  // Search and booking (h8-search-book) join here as two more tests built the same way:
  //   search: tabToFieldAndType(page, "Search", "sciatica") → Enter → tabTo a result → Enter;
  //   book:   tabTo the "Book" link → Enter → tabToFieldAndType for each field → Space on consent → Enter to send.
})
