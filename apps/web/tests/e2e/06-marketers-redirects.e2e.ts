import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin, editFormReady, fillAndWaitForAutosave, publishChanges } from './support/admin'
import { createArticle, uniqueSlug } from './support/articles'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson, login, publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { waitFor } from './support/servers'
import { get, h1Of } from './support/site'

const { cmsUrl, siteUrl, admin, marketer, logDir } = e2e()

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

/** Where a redirect sends the browser: Next.js writes a same-site Location as a path, which browsers resolve against the page. */
const locationOf = (response: { headers: Headers }) => {
  const location = response.headers.get('location')
  return location === null ? null : new URL(location, siteUrl).toString()
}

/** Polls the site until `path` answers with `status` (a redirect is applied once the CMS has told the site). */
async function waitForStatus(pathname: string, status: number) {
  let last = ''
  return waitFor(
    async () => {
      const response = await get(`${siteUrl}${pathname}`)
      last = `${response.status} ${response.headers.get('location') ?? ''}`
      return response.status === status ? response : undefined
    },
    { timeout: 15_000, interval: 250, message: `${pathname} did not answer ${status}` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer: ${last}`)
  })
}

describe('a marketer fixes a broken address with a redirect', () => {
  test('made in the admin, it sends visitors on with a 301 and the new Location', async ({ onTestFailed }) => {
    onTestFailed(() => page.screenshot({ path: path.join(logDir, 'redirect-admin-failure.png'), fullPage: true }).then(() => undefined))
    const [service] = await publishedDocs(cmsUrl, 'services')
    if (!service) throw new Error('The seed has no published service')
    const oldPath = `/${uniqueSlug('old-massage-page')}`
    expect((await get(`${siteUrl}${oldPath}`)).status, 'the old address is broken before the redirect').toBe(404)

    await adminLogin(page, cmsUrl, marketer)
    await page.goto(`${cmsUrl}/admin/collections/redirects/create`, { waitUntil: 'load' })
    await page.locator('form.collection-edit__form[data-form-ready="true"]').waitFor()
    await page.locator('input[name="from"]').fill(oldPath)
    await page.getByText('Custom URL', { exact: true }).first().click()
    await page.locator('input[name="to.url"]').fill(`/services/${service.slug}`)
    const saved = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/redirects')
    await page.locator('#action-save').click()
    const response = await saved
    expect(response.status(), await response.text()).toBe(201)

    const redirected = await waitForStatus(oldPath, 301)
    expect(locationOf(redirected)).toBe(`${siteUrl}/services/${service.slug}`)
    // The visitor's campaign tags come along.
    expect(locationOf(await get(`${siteUrl}${oldPath}?utm_source=flyer`))).toBe(`${siteUrl}/services/${service.slug}?utm_source=flyer`)
  })

  test('a temporary redirect to another site is a 302, and deleting it brings back the 404', async () => {
    const token = await login(cmsUrl, marketer.email, marketer.password)
    const from = `/${uniqueSlug('gift-vouchers')}`
    const created = await cmsJson<{ doc: { id: number } }>(cmsUrl, '/api/redirects', {
      method: 'POST',
      token,
      body: { from, to: { type: 'custom', url: 'https://vouchers.example/clinic' }, type: '302', note: 'Voucher partner until spring' },
    })
    const redirected = await waitForStatus(from, 302)
    expect(locationOf(redirected)).toBe('https://vouchers.example/clinic')

    await cmsJson(cmsUrl, `/api/redirects/${created.doc.id}`, { method: 'DELETE', token })
    await waitForStatus(from, 404)
  })

  test('a loop is refused with a message a marketer can act on', async () => {
    const token = await login(cmsUrl, marketer.email, marketer.password)
    const [a, b] = [`/${uniqueSlug('loop-a')}`, `/${uniqueSlug('loop-b')}`]
    await cmsJson(cmsUrl, '/api/redirects', { method: 'POST', token, body: { from: a, to: { type: 'custom', url: b }, type: '301' } })
    const response = await fetch(`${cmsUrl}/api/redirects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ from: b, to: { type: 'custom', url: a }, type: '301' }),
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(`${a} already redirects to ${b}`)
  })
})

describe('a published article whose slug changes', () => {
  test('its old address redirects to the new one by itself', async () => {
    const token = await login(cmsUrl, admin.email, admin.password)
    const article = await createArticle(cmsUrl, token, { title: 'Shoulder tension at the desk', slug: uniqueSlug('shoulder-tension'), status: 'published' })
    const oldPath = `/articles/${article.slug}`
    expect(h1Of((await get(`${siteUrl}${oldPath}`)).body)).toBe(article.title)

    // A marketer renames the address (slugs are theirs to change) and publishes.
    const marketerToken = await login(cmsUrl, marketer.email, marketer.password)
    const newSlug = uniqueSlug('desk-shoulder-tension')
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token: marketerToken, body: { slug: newSlug, _status: 'published' } })

    const redirected = await waitForStatus(oldPath, 301)
    expect(locationOf(redirected)).toBe(`${siteUrl}/articles/${newSlug}`)
    const moved = await get(`${siteUrl}/articles/${newSlug}`)
    expect(moved.status).toBe(200)
    expect(h1Of(moved.body)).toBe(article.title)
  })
  test('changed in the admin as staff do it (autosave, then “Publish changes”), the old address sends the browser on with a 301', async () => {
    const token = await login(cmsUrl, admin.email, admin.password)
    const article = await createArticle(cmsUrl, token, { title: `Hip mobility after sitting ${uniqueSlug('t')}`, slug: uniqueSlug('hip-mobility'), status: 'published' })
    const oldPath = `/articles/${article.slug}`
    expect(h1Of((await get(`${siteUrl}${oldPath}`)).body)).toBe(article.title)

    const context = await browser.newContext(desktop)
    const admin2 = await context.newPage()
    admin2.setDefaultTimeout(60_000)
    try {
      await adminLogin(admin2, cmsUrl, marketer)
      await admin2.goto(`${cmsUrl}/admin/collections/articles/${article.id}`, { waitUntil: 'load' })
      await editFormReady(admin2)
      const newSlug = uniqueSlug('hip-mobility-moved')
      // Typing the slug autosaves a draft: the public still sees the old address …
      await fillAndWaitForAutosave(admin2, 'articles', article.id, 'input#field-slug[name="slug"]', newSlug)
      expect((await get(`${siteUrl}${oldPath}`)).status, 'a draft slug does not move the page yet').toBe(200)
      // … until "Publish changes".
      await publishChanges(admin2, 'articles', article.id)
      await waitForStatus(oldPath, 301)

      // A visitor's browser at the old address: one 301, then the page at its new address.
      const visitor = await context.newPage()
      const response = await visitor.goto(`${siteUrl}${oldPath}`, { waitUntil: 'load' })
      const hop = response?.request().redirectedFrom()
      expect(hop?.url()).toBe(`${siteUrl}${oldPath}`)
      expect((await hop?.response())?.status()).toBe(301)
      expect(response?.status()).toBe(200)
      expect(visitor.url()).toBe(`${siteUrl}/articles/${newSlug}`)
      expect((await visitor.locator('h1').innerText()).trim()).toBe(article.title)
    } catch (error) {
      // The admin as it was when the test failed (the context is closed below).
      await admin2.screenshot({ path: path.join(logDir, 'slug-change-admin-failure.png'), fullPage: true }).catch(() => undefined)
      throw error
    } finally {
      await context.close()
    }
  })
})
