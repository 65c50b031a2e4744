import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin, editFormReady, idFromEditUrl, openFromList, publishChanges, typeTitleAndWaitForAutosave } from './support/admin'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson, login, publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { get, h1Of, waitForH1 } from './support/site'

const { cmsUrl, siteUrl, editor, previewSecret, logDir } = e2e()

// Another article than the publish spec's, so the two never meet.
const article = (await publishedDocs(cmsUrl, 'articles')).find((doc) => doc.slug !== 'sciatica-and-massage')
if (!article) throw new Error('The seed has only one article')
const articlePath = `/articles/${article.slug}`
const publishedTitle = String(article.title)
const draftTitle = `${publishedTitle}: revised draft`

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
    const previewLink = new URL(String(href))
    expect(previewLink.origin).toBe(siteUrl)
    expect(previewLink.pathname).toBe('/api/preview')
    expect(previewLink.searchParams.get('path')).toBe(articlePath)
    expect(previewLink.searchParams.get('secret')).toBe(previewSecret)
    expect(previewLink.searchParams.get('token')).toBeTruthy()

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

  test('without the secret (or with a wrong one), draft mode is refused with 401', async () => {
    // A real staff token: only the secret is missing or wrong.
    const token = await login(cmsUrl, editor.email, editor.password)
    const attempts = [
      `/api/preview?path=${encodeURIComponent(articlePath)}&token=${token}`,
      `/api/preview?secret=&path=${encodeURIComponent(articlePath)}&token=${token}`,
      `/api/preview?secret=${'0'.repeat(previewSecret.length)}&path=${encodeURIComponent(articlePath)}&token=${token}`,
      `/api/preview?secret=${previewSecret.slice(0, -1)}&path=${encodeURIComponent(articlePath)}`,
    ]
    for (const attempt of attempts) {
      const response = await get(`${siteUrl}${attempt}`)
      expect(response.status, attempt).toBe(401)
      expect(response.headers.get('set-cookie') ?? '', attempt).not.toMatch(/__prerender_bypass|clinic-preview-token/)
    }

    // In a browser too: the refused link leaves the visitor outside draft mode.
    const context = await browser.newContext(desktop)
    const page = await context.newPage()
    try {
      const refused = await page.goto(`${siteUrl}${attempts[0]}`)
      expect(refused?.status()).toBe(401)
      await page.goto(`${siteUrl}${articlePath}`, { waitUntil: 'load' })
      expect((await page.locator('h1').innerText()).trim()).toBe(publishedTitle)
      expect(await page.getByRole('complementary', { name: 'Preview mode' }).count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  test('once published, the draft reaches the public site within a few seconds', async ({ onTestFailed }) => {
    onTestFailed(() => admin.screenshot({ path: path.join(logDir, 'draft-publish-failure.png'), fullPage: true }).then(() => undefined))
    expect(draftSaved, 'needs the draft saved by the first test').toBe(true)
    await publishChanges(admin, 'articles', idFromEditUrl(admin))
    const elapsed = await waitForH1(`${siteUrl}${articlePath}`, draftTitle, 10_000)
    console.log(`[e2e] draft published → on the site after ${elapsed} ms`)
    expect((await get(`${siteUrl}/articles`)).body).toContain(draftTitle)
  })
})
