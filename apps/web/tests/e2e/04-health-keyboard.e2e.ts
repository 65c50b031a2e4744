import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { adminLogin } from './support/admin'
import { desktop, launchBrowser } from './support/browser'
import { docBySlug } from './support/cms'
import { e2e } from './support/context'
import { expectNoPositiveTabindex, expectVisibleFocus, focused, pressAndNavigate, tabTo, tabToFieldAndType } from './support/keyboard'

/**
 * Health content people can trust, and every visitor task done with the keyboard alone.
 *
 * The tasks below drive the site only through `page.keyboard.press`, checking at every stop that
 * the focus is visible (a computed outline or box shadow) and moves forward in document order.
 * Each task is one test built from the helpers in support/keyboard.ts: read an article, find and
 * print an exercise, search the site, and send an appointment request.
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

  test('search from the header: a misspelt "siatica" finds the sciatica hub, and Enter opens it', async () => {
    await page.goto(`${siteUrl}/`)
    await expectNoPositiveTabindex(page)

    const box = await tabToFieldAndType(page, 'Search the site', 'siatica')
    expect(box.id).toBe('header-search')
    await pressAndNavigate(page, 'Enter', '/search')
    expect(new URL(page.url()).searchParams.get('q')).toBe('siatica')
    await expectNoPositiveTabindex(page)

    // Skip the header (its menu links to the sciatica hub too), then Tab to the hub among the results.
    await page.keyboard.press('Tab')
    const skip = await focused(page)
    expect(skip.name).toBe('Skip to main content')
    expectVisibleFocus(skip, 'the skip link on the results page')
    await page.keyboard.press('Enter')
    const result = await tabTo(page, (state) => state.href === '/conditions/sciatica', 'the sciatica result')
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.search-result')))).toBe(true)
    expect(result.name).toMatch(/sciatica/i)
    await pressAndNavigate(page, 'Enter', '/conditions/sciatica')
    expect((await page.locator('h1').innerText()).trim()).toMatch(/^sciatica/i)
  })

  test('send an appointment request: every field by keyboard, a mistake fixed through the error summary, then the confirmation', async () => {
    // The form allows a few requests per source address: this test has its own, as the booking spec's tests do.
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.41' })
    const email = `kit.keyboard.${Date.now().toString(36)}@example.com`
    const serviceText = () => page.locator('#preferredService option:checked').innerText()
    const consentTicked = () => page.locator('#consent').isChecked()

    await page.goto(`${siteUrl}/`)
    await tabTo(page, (state) => state.name === 'Book' && state.href === '/book', 'the "Book" link in the header')
    await pressAndNavigate(page, 'Enter', '/book')
    // The form refuses a request sent quicker than a person fills it in (BOOKING_MIN_FILL_SECONDS, 3 s by default).
    const formShownAt = Date.now()
    await expectNoPositiveTabindex(page)

    await tabToFieldAndType(page, 'Your name', 'Kit Keyboard')
    await tabToFieldAndType(page, 'Email address', email.replace('@', ' at '))
    await tabToFieldAndType(page, 'Phone number (optional)', '+1 250 555 0177')
    // A closed <select>: typing the start of an option's name picks it, as does ArrowDown.
    const service = await tabTo(page, (state) => state.tag === 'select' && state.name === 'Service you are interested in', 'the service list')
    expectVisibleFocus(service, 'the service list')
    await page.keyboard.type('Deep')
    expect(await serviceText()).toBe('Deep tissue massage')
    await page.keyboard.press('ArrowDown')
    expect(await serviceText()).not.toBe('Deep tissue massage')
    await page.keyboard.press('ArrowUp')
    expect(await serviceText()).toBe('Deep tissue massage')
    await tabToFieldAndType(page, 'Days and times that suit you', 'Weekday mornings before 11')
    await tabToFieldAndType(page, 'Anything we should know before we call? (optional)', 'Stiff shoulders from desk work.')
    const consent = await tabTo(page, (state) => state.id === 'consent', 'the consent checkbox')
    expectVisibleFocus(consent, 'the consent checkbox')
    await page.keyboard.press('Space')
    expect(await consentTicked()).toBe(true)

    // Send with the mistyped email: the error summary takes the focus, visibly, and names the one problem.
    const send = await tabTo(page, (state) => state.tag === 'button' && state.name === 'Send request', 'the "Send request" button')
    expectVisibleFocus(send, 'the send button')
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, formShownAt + 3300 - Date.now())))
    await page.keyboard.press('Enter')
    await page.locator('.error-summary').waitFor()
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 10_000 })
    const summary = await focused(page)
    expectVisibleFocus(summary, 'the error summary')
    expect(summary.name).toContain('Enter an email address in the form name@example.com.')
    expect(await page.locator('.error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['#email'])

    // Its link moves the focus to the email field, which still holds what was typed.
    const summaryLink = await tabTo(page, (state) => state.href === '#email', 'the link in the error summary', 3)
    expect(summaryLink.name).toMatch(/^Email address:/)
    await page.keyboard.press('Enter')
    const emailField = await focused(page)
    expect(emailField.id).toBe('email')
    expectVisibleFocus(emailField, 'the email field, from the error summary')
    expect(await page.locator('#email').inputValue()).toBe(email.replace('@', ' at '))

    // Fix it, check the rest was kept, and send again from the button.
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(email)
    expect(await page.locator('#name').inputValue()).toBe('Kit Keyboard')
    expect(await serviceText()).toBe('Deep tissue massage')
    expect(await consentTicked()).toBe(true)
    await tabTo(page, (state) => state.tag === 'button' && state.name === 'Send request', 'the "Send request" button, again')
    await pressAndNavigate(page, 'Enter', '/book/thanks')
    expect(await page.locator('h1').innerText()).toContain('we received your request')
  })
})
