import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin, idFromEditUrl, openFromList, publishChanges, typeTitleAndWaitForAutosave } from './support/admin'
import { desktop, launchBrowser } from './support/browser'
import { docBySlug } from './support/cms'
import { e2e } from './support/context'
import { get, h1Of, waitForH1 } from './support/site'

const { cmsUrl, siteUrl, editor, logDir } = e2e()
const slug = 'sciatica-and-massage'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await browser.newContext(desktop)).newPage()
  page.setDefaultTimeout(60_000)
})

afterAll(async () => {
  await browser?.close()
})

describe('a member of staff edits an article in the admin and publishes it', () => {
  test('the site shows the new title within a few seconds, without a rebuild', async ({ onTestFailed }) => {
    onTestFailed(() => page.screenshot({ path: path.join(logDir, 'admin-publish-failure.png'), fullPage: true }).then(() => undefined))
    const article = await docBySlug(cmsUrl, 'articles', slug)
    const url = `${siteUrl}/articles/${slug}`
    expect(h1Of((await get(url)).body)).toBe(article.title)

    await adminLogin(page, cmsUrl, editor)
    await openFromList(page, cmsUrl, 'articles', String(article.title))
    const id = idFromEditUrl(page)
    expect(String(id)).toBe(String(article.id))

    const newTitle = 'Sciatica and massage: what helps, and why it works'
    await typeTitleAndWaitForAutosave(page, 'articles', id, newTitle)
    // Saved as a draft only: the site still shows the published title.
    expect(h1Of((await get(url)).body)).toBe(article.title)

    await publishChanges(page, 'articles', id)
    const elapsed = await waitForH1(url, newTitle, 10_000)
    console.log(`[e2e] publish → new title on the site after ${elapsed} ms`)

    // The same address (the slug was set, so a new title does not move the page), and the lists.
    expect((await docBySlug(cmsUrl, 'articles', slug)).title).toBe(newTitle)
    // The lists follow within a moment (with the cache in Redis, one shared purge reaches every
    // page; a request racing the purge's arrival may still get the previous copy once).
    for (const pathname of ['/articles', '/', '/feed.xml']) {
      const started = Date.now()
      let body = ''
      while (Date.now() - started < 2_000) {
        body = (await get(`${siteUrl}${pathname}`)).body
        if (body.includes(newTitle)) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(body, `${pathname} within 2 s of the article`).toContain(newTitle)
    }
  })
})
