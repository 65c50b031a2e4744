import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { cmsJson, login } from './support/cms'
import { e2e } from './support/context'

/**
 * A site path is a site path (issue 18): every link staff can type — in rich text (the link
 * feature's address) and in a CTA/booking link field — is judged by where Chromium itself sends a
 * visitor who follows it from a page of the site. Every generated value the browser resolves off
 * the site, or to a script, must be refused by the CMS with a message; every value it accepts must
 * stay on the site or be a full web, mail or phone address typed as such.
 */
const { cmsUrl, siteUrl, editor } = e2e()

// Generated: ways of writing "two slashes" (browsers read "\" as "/" and drop tabs and line
// breaks), encoded separators, and script and data addresses in several spellings.
const starts = ['/', '\\', '/%5C', '%5C', '/%2F']
const gaps = ['', '\t', '\n', '\r', '\r\n', ' ']
const seconds = ['/', '\\', '']
const pathTricks = starts.flatMap((a) => gaps.flatMap((gap) => seconds.map((b) => `${a}${gap}${b}evil.example/refund`)))
const schemeTricks = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\nscript:alert(1)',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  ' javascript:alert(1)',
  'javascript://%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'https:evil.example',
  'http:\\\\evil.example',
  'https:/\\evil.example',
  '///evil.example',
  '/./\\evil.example',
  '/..//evil.example',
  'evil.example/refund',
]
const fine = ['/book', '/services/deep-tissue?from=article#prices', '#prices', '/articles/../book', 'https://www.example.org/study', 'mailto:hello@clinic.example', 'tel:+12505550142']
const cases = [...new Set([...pathTricks, ...schemeTricks, ...fine])]

type Resolved = { href: string; protocol: string; origin: string } | { href: string; error: string }

/** Where the browser sends a visitor following each href from the page it has open (an <a> element, as a click would). */
function resolveInBrowser(page: Page, hrefs: string[]): Promise<Resolved[]> {
  return page.evaluate((list) => {
    return list.map((href) => {
      const anchor = document.createElement('a')
      anchor.setAttribute('href', href)
      try {
        const url = new URL(href, location.href)
        return { href, protocol: anchor.protocol || url.protocol, origin: url.origin }
      } catch (error) {
        return { href, error: String(error) }
      }
    })
  }, hrefs)
}

/** What the CMS is allowed to accept: a path that stays here, or a full address typed as one. */
function acceptable(resolved: Resolved, siteOrigin: string): boolean {
  if ('error' in resolved) return false
  if (resolved.origin === siteOrigin && /^[/#]/.test(resolved.href)) return true
  if (resolved.protocol === 'mailto:' || resolved.protocol === 'tel:') return true
  return (resolved.protocol === 'https:' || resolved.protocol === 'http:') && /^https?:\/\/[^/\\]/i.test(resolved.href)
}

/** An article body with one link, as the admin's editor stores it. */
function bodyWithLink(url: string) {
  const node = { version: 1, direction: 'ltr', format: '', indent: 0 }
  const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
  return {
    root: {
      ...node,
      type: 'root',
      children: [
        {
          ...node,
          type: 'paragraph',
          textFormat: 0,
          children: [text('Read '), { ...node, type: 'link', version: 3, fields: { linkType: 'custom', url, newTab: false }, children: [text('this page')] }],
        },
      ],
    },
  }
}

describe('a site path is a site path, judged by the browser', () => {
  let browser: Browser
  let resolved: Resolved[]
  let siteOrigin: string
  let token: string
  let author: number | string
  let reviewer: number | string

  beforeAll(async () => {
    browser = await launchBrowser()
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/articles`, { waitUntil: 'domcontentloaded' })
    siteOrigin = await page.evaluate(() => location.origin)
    resolved = await resolveInBrowser(page, cases)
    token = await login(cmsUrl, editor.email, editor.password)
    const team = await cmsJson<{ docs: { id: number | string; clinicalCredentials?: unknown[] | null }[] }>(cmsUrl, '/api/team?limit=20&depth=0', { token })
    author = team.docs[0]!.id
    reviewer = team.docs.find((member) => (member.clinicalCredentials?.length ?? 0) > 0)!.id
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
  })

  /** Saves an article whose body links to `url`; the status and the messages of the CMS's answer. */
  async function saveArticle(url: string): Promise<{ status: number; messages: string }> {
    const response = await fetch(`${cmsUrl}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({
        title: `Link check ${Math.random().toString(36).slice(2, 8)}`,
        excerpt: 'A short summary.',
        body: bodyWithLink(url),
        author,
        medicalReviewer: reviewer,
        reviewedAt: new Date(Date.now() - 86_400_000).toISOString(),
      }),
      signal: AbortSignal.timeout(60_000),
    })
    const body = (await response.json()) as { errors?: { data?: { errors?: { message: string }[] } }[] }
    return { status: response.status, messages: (body.errors?.[0]?.data?.errors ?? []).map((error) => error.message).join(' | ') }
  }

  test('the generated cases include many that Chromium sends off the site (the premise)', () => {
    const offSite = resolved.filter((entry) => !acceptable(entry, siteOrigin))
    expect(offSite.length, JSON.stringify(resolved.slice(0, 5))).toBeGreaterThanOrEqual(40)
    expect(offSite.some((entry) => 'origin' in entry && entry.origin !== siteOrigin && entry.href.startsWith('/')), 'a path Chromium takes to another host').toBe(true)
  })

  // The CMS may refuse more than the browser strictly needs (spaces, encoded separators), never less;
  // the plain cases staff really type are accepted.
  test('every link Chromium would send off the site is refused in rich text, with a message; what it accepts stays on the site', async () => {
    const wrong: string[] = []
    for (const entry of resolved) {
      const { status, messages } = await saveArticle(entry.href)
      const shouldAccept = acceptable(entry, siteOrigin)
      if (fine.includes(entry.href) && status !== 201) wrong.push(`${JSON.stringify(entry.href)} is a plain link but was refused: ${status} ${messages}`)
      if (status === 201 && !shouldAccept) wrong.push(`${JSON.stringify(entry.href)} was accepted but Chromium sends it to ${JSON.stringify('origin' in entry ? entry.origin : entry.error)}`)
      if (!shouldAccept && (status !== 400 || !/The link “this page”/.test(messages))) {
        wrong.push(`${JSON.stringify(entry.href)} → ${JSON.stringify('origin' in entry ? entry.origin : entry.error)} but the CMS answered ${status} ${messages}`)
      }
    }
    expect(wrong).toEqual([])
  }, 600_000)

  test('the same cases in a CTA link field (a service’s booking link): every one Chromium sends off the site is refused', async () => {
    const wrong: string[] = []
    for (const entry of resolved) {
      const response = await fetch(`${cmsUrl}/api/services`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({
          name: `Link check ${Math.random().toString(36).slice(2, 8)}`,
          summary: 'Summary.',
          description: bodyWithLink('/book'),
          pressureLevel: 'medium',
          durations: [{ minutes: 60, price: 90 }],
          bookingUrl: entry.href,
        }),
        signal: AbortSignal.timeout(60_000),
      })
      const text = await response.text()
      const shouldAccept = acceptable(entry, siteOrigin)
      if (fine.includes(entry.href) && response.status !== 201) wrong.push(`${JSON.stringify(entry.href)}: a plain link, refused: ${response.status} ${text.slice(0, 200)}`)
      if (!shouldAccept && response.status !== 400) wrong.push(`${JSON.stringify(entry.href)}: Chromium leaves the site, but the CMS answered ${response.status} ${text.slice(0, 200)}`)
      if (!shouldAccept && response.status === 400 && !text.includes('bookingUrl')) wrong.push(`${JSON.stringify(entry.href)}: refused without naming the field: ${text.slice(0, 200)}`)
    }
    expect(wrong).toEqual([])
  }, 600_000)
})
