import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin, editFormReady, idFromEditUrl, openFromList, publishChanges, typeTitleAndWaitForAutosave } from './support/admin'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson, publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { get, h1Of, waitForH1 } from './support/site'

const { cmsUrl, siteUrl, editor, previewSecret, revalidateSecret, logDir } = e2e()

// Another article than the publish spec's, so the two never meet.
const article = (await publishedDocs(cmsUrl, 'articles')).find((doc) => doc.slug !== 'sciatica-and-massage')
if (!article) throw new Error('The seed has only one article')
const articlePath = `/articles/${article.slug}`
const publishedTitle = String(article.title)
const draftTitle = `${publishedTitle}: revised draft`
/** The title the editor types with live preview open (never saved by hand). */
const liveTitle = `${publishedTitle}: typed with live preview`

let browser: Browser
let admin: Page
/** Set once the first test has saved the draft; the later ones need it. */
let draftSaved = false

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await (await browser.newContext(desktop)).newPage()
  admin.setDefaultTimeout(60_000)
})

afterAll(async () => {
  await browser?.close()
})

/** What an anonymous visitor (or a crawler) sees, through every public channel. */
async function expectPublicSeesOnly(title: string, hidden: string): Promise<void> {
  const page = await get(`${siteUrl}${articlePath}`)
  expect(page.status).toBe(200)
  expect(h1Of(page.body)).toBe(title)
  for (const path of ['/articles', '/', '/feed.xml', '/sitemap.xml', '/conditions/sciatica']) {
    const response = await get(`${siteUrl}${path}`)
    // An error page would not show the draft either: the page must have answered.
    expect(response.status, `${path} answers 200`).toBe(200)
    expect(response.body, `${path} must not show the draft`).not.toContain(hidden)
  }
  const rest = await cmsJson<{ title: string }>(cmsUrl, `/api/articles/${article!.id}?depth=0`)
  expect(rest.title).toBe(title)
}

describe('a draft edit', () => {
  test('saved in the admin, it stays off the public site', async ({ onTestFailed }) => {
    onTestFailed(() => admin.screenshot({ path: path.join(logDir, 'draft-failure.png'), fullPage: true }).then(() => undefined))
    await adminLogin(admin, cmsUrl, editor)
    await openFromList(admin, cmsUrl, 'articles', publishedTitle)
    await typeTitleAndWaitForAutosave(admin, 'articles', idFromEditUrl(admin), draftTitle)
    draftSaved = true
    // The CMS has finished its save hooks when it answers, so any purge would already have happened.
    await expectPublicSeesOnly(publishedTitle, draftTitle)
  })

  test('the admin’s Preview link opens the site in draft mode, showing the draft and a preview bar', async ({ onTestFailed }) => {
    onTestFailed(() => admin.screenshot({ path: path.join(logDir, 'preview-failure.png'), fullPage: true }).then(() => undefined))
    expect(draftSaved, 'needs the draft saved by the first test').toBe(true)
    // The admin drops its Preview button after an autosave until the page is loaded again.
    await admin.reload({ waitUntil: 'load' })
    await editFormReady(admin)
    const link = admin.getByRole('link', { name: 'Preview' })
    const href = await link.getAttribute('href')
    expect(href).toBeTruthy()
    // The link names the document and nothing else: no login token, no shared secret.
    const previewLink = new URL(String(href))
    expect(previewLink.origin).toBe(siteUrl)
    expect(previewLink.pathname).toBe('/api/preview')
    expect(Object.fromEntries(previewLink.searchParams)).toEqual({ collection: 'articles', id: String(article!.id) })
    const loginToken = (await admin.context().cookies(cmsUrl)).find((cookie) => cookie.name === 'payload-token')?.value
    expect(loginToken, 'the editor is logged in with a token cookie').toBeTruthy()
    for (const secret of [loginToken!, previewSecret, revalidateSecret]) expect(String(href)).not.toContain(secret)

    // The link opens a new tab.
    const [preview] = await Promise.all([admin.context().waitForEvent('page'), link.click()])
    try {
      await preview.waitForURL((url) => url.pathname === articlePath, { timeout: 90_000 })
      const response = await preview.reload({ waitUntil: 'load' })
      expect(response?.status()).toBe(200)
      // A preview must never be cached by a front cache or the browser.
      expect(response?.headers()['cache-control']).toMatch(/no-store/)
      expect((await preview.locator('h1').innerText()).trim()).toBe(draftTitle)
      const bar = preview.getByRole('complementary', { name: 'Preview mode' })
      await bar.waitFor()
      expect(await bar.innerText()).toMatch(/preview/i)

      // Meanwhile, everyone else still sees the published version.
      await expectPublicSeesOnly(publishedTitle, draftTitle)

      // "Leave preview" returns the editor to the public version.
      await bar.getByRole('link', { name: /leave preview/i }).click()
      await preview.waitForLoadState('load')
      await preview.goto(`${siteUrl}${articlePath}`, { waitUntil: 'load' })
      expect((await preview.locator('h1').innerText()).trim()).toBe(publishedTitle)
      expect(await preview.getByRole('complementary', { name: 'Preview mode' }).count()).toBe(0)
    } finally {
      await preview.close()
    }
  })

  test('live preview shows the site beside the form and follows a typed title change without saving', async ({ onTestFailed }) => {
    onTestFailed(() => admin.screenshot({ path: path.join(logDir, 'live-preview-failure.png'), fullPage: true }).then(() => undefined))
    expect(draftSaved, 'needs the draft saved by the first test').toBe(true)
    await admin.goto(admin.url(), { waitUntil: 'load' })
    await editFormReady(admin)
    // The site's CSP must let the admin frame it in draft mode, and nothing in the frame break it.
    const cspViolations: string[] = []
    admin.on('console', (message) => {
      if (/Content Security Policy|Refused to (frame|display|load|execute)/i.test(message.text())) cspViolations.push(message.text())
    })
    await admin.getByRole('button', { name: 'Live Preview', exact: true }).click()
    const frameElement = admin.locator('iframe#live-preview-iframe')
    await frameElement.waitFor()
    // The frame shows the site (its own origin), in draft mode, through a grant, not a login token.
    const src = new URL(String(await frameElement.getAttribute('src')))
    expect(src.origin).toBe(siteUrl)
    expect(Object.fromEntries(src.searchParams)).toEqual({ collection: 'articles', id: String(article!.id) })
    const frame = admin.frameLocator('iframe#live-preview-iframe')
    await expect.poll(() => frame.locator('h1').first().innerText({ timeout: 60_000 }).then((text) => text.trim()), { timeout: 90_000 }).toBe(draftTitle)
    await frame.getByRole('complementary', { name: 'Preview mode' }).waitFor()

    // Phone, tablet and desktop sizes are offered.
    await admin.locator('.live-preview-toolbar [class*="__breakpoint"] button').first().click()
    for (const size of ['Phone', 'Tablet', 'Desktop']) await expect.poll(() => admin.getByRole('button', { name: size, exact: true }).count()).toBeGreaterThan(0)
    await admin.getByRole('button', { name: 'Phone', exact: true }).click()
    await expect.poll(async () => (await frameElement.boundingBox())?.width).toBeLessThanOrEqual(376)

    // Type, and only type: the admin autosaves, the frame re-renders on the server within seconds.
    const typed = Date.now()
    await admin.locator('input#field-title[name="title"]').first().fill(liveTitle)
    await expect.poll(() => frame.locator('h1').first().innerText().then((text) => text.trim()), { timeout: 15_000, interval: 100 }).toBe(liveTitle)
    console.log(`[e2e] live preview showed the typed title after ${Date.now() - typed} ms`)
    // Nothing was published: the public still sees the published title.
    await expectPublicSeesOnly(publishedTitle, liveTitle)
    expect(cspViolations).toEqual([])
  })

  test('once published, the draft reaches the public site within a few seconds', async ({ onTestFailed }) => {
    onTestFailed(() => admin.screenshot({ path: path.join(logDir, 'draft-publish-failure.png'), fullPage: true }).then(() => undefined))
    expect(draftSaved, 'needs the draft saved by the first test').toBe(true)
    await publishChanges(admin, 'articles', idFromEditUrl(admin))
    // The live preview test left its typed title as the latest draft.
    const elapsed = await waitForH1(`${siteUrl}${articlePath}`, liveTitle, 10_000)
    console.log(`[e2e] draft published → on the site after ${elapsed} ms`)
    expect((await get(`${siteUrl}/articles`)).body).toContain(liveTitle)
  })
})
