import type { Browser } from 'playwright-core'
import { startFrontCache, type FrontCache } from '../../../../deploy/nginx/front-cache.mjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson, publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { waitFor } from './support/servers'
import { get, h1Of } from './support/site'

// Runs last (files run in name order): it stops the CMS for good.
const { cmsUrl, siteUrl, cmsPid } = e2e()

const [service] = await publishedDocs(cmsUrl, 'services')
const [exercise] = await publishedDocs(cmsUrl, 'exercises')
if (!service || !exercise) throw new Error('The seed has no services or exercises')
const { phone } = await cmsJson<{ phone: string }>(cmsUrl, '/api/globals/site-settings')
const routes = [
  '/',
  '/articles',
  '/articles/sciatica-and-massage',
  '/services',
  `/services/${service.slug}`,
  '/exercises',
  `/exercises/${exercise.slug}`,
  '/conditions/sciatica',
  '/team',
  '/book',
  '/about',
  '/sitemap.xml',
  '/feed.xml',
]
const before = new Map<string, string | undefined>()

/** What must not change while the CMS is down: a page's heading, a feed's or sitemap's links. */
const digest = (route: string, body: string) =>
  route.endsWith('.xml') ? (body.match(/<(loc|link)>[^<]*<\/\1>/g) ?? []).join('\n') : h1Of(body)

let browser: Browser
// And the same through the front cache of the one-server deployment (deploy/nginx).
let front: FrontCache

beforeAll(async () => {
  browser = await launchBrowser()
  front = await startFrontCache({ siteUrl, cmsUrl })
})

afterAll(async () => {
  await browser?.close()
  await front?.stop()
})

const stackTrace = /\bat \S+ \(?\/?[\w./-]+:\d+:\d+\)?|CmsUnavailableError|ECONNREFUSED|fetch failed/

describe('the CMS goes down', () => {
  test('pages are rendered while it is up', async () => {
    for (const route of routes) {
      // Twice: the first visit may render the page, the second is served from what the site keeps.
      for (let visit = 0; visit < 2; visit++) {
        const response = await get(`${siteUrl}${route}`)
        expect(response.status, route).toBe(200)
        before.set(route, digest(route, response.body))
      }
      expect(before.get(route), route).toBeTruthy()
    }
    const ready = await fetch(`${siteUrl}/api/health/ready`).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string; checks: { cms: string } } }))
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok', checks: { cms: 'ok' } } })
  })

  test('after the CMS stops, the site keeps serving those pages with status 200', async () => {
    const cmsAnswers = () =>
      fetch(`${cmsUrl}/api/users/me`, { signal: AbortSignal.timeout(2000) }).then(
        () => true,
        () => false,
      )
    // Stop it as an operator would (SIGTERM); if it lingers, as a crash would (SIGKILL).
    process.kill(-cmsPid, 'SIGTERM')
    const stopped = await waitFor(async () => !(await cmsAnswers()), { timeout: 10_000, message: 'still up' }).catch(() => false)
    if (!stopped) {
      process.kill(-cmsPid, 'SIGKILL')
      await waitFor(async () => !(await cmsAnswers()), { timeout: 20_000, message: 'The CMS did not stop' })
    }

    // Twice, with a pause longer than any short revalidation window in between.
    for (const round of [1, 2]) {
      for (const route of routes) {
        const response = await get(`${siteUrl}${route}`)
        expect(response.status, `${route} (round ${round})`).toBe(200)
        expect(digest(route, response.body), `${route} (round ${round})`).toBe(before.get(route))
        expect(response.body).not.toMatch(stackTrace)
      }
      if (round === 1) await new Promise((resolve) => setTimeout(resolve, 2500))
    }

    // Readiness: degraded, not down (still 200, so a load balancer keeps sending visitors), naming the CMS.
    const ready = await fetch(`${siteUrl}/api/health/ready`)
    expect(ready.status).toBe(200)
    expect(ready.headers.get('cache-control')).toContain('no-store')
    const readiness = (await ready.json()) as { status: string; checks: { cms: string }; degraded: string[] }
    expect(readiness.status).toBe('degraded')
    expect(readiness.checks.cms).toBe('unreachable')
    expect(readiness.degraded.join(' ')).toMatch(/^cms: unreachable/)
    expect((await fetch(`${siteUrl}/api/health`)).status).toBe(200)

    // Through the front cache, whose copies expire every second: pages keep coming from the site.
    for (const route of routes) {
      const response = await get(`${front.url}${route}`)
      expect(response.status, `${route} (front cache)`).toBe(200)
      expect(digest(route, response.body), `${route} (front cache)`).toBe(before.get(route))
    }

    // And in a browser: the page and its header and footer are all there.
    const context = await browser.newContext(desktop)
    const page = await context.newPage()
    try {
      const response = await page.goto(`${siteUrl}/conditions/sciatica`, { waitUntil: 'load' })
      expect(response?.status()).toBe(200)
      expect((await page.locator('h1').innerText()).trim()).toBe(before.get('/conditions/sciatica'))
      expect(await page.getByRole('contentinfo').count()).toBe(1)
    } finally {
      await context.close()
    }
  })

  test.for([
    ['JavaScript on', true],
    ['JavaScript off', false],
  ] as const)('a booking request sent while it is down (%s): the clinic phone number, and nothing typed is lost', async ([, javaScriptEnabled]) => {
    const context = await browser.newContext({ ...desktop, javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${javaScriptEnabled ? 41 : 42}` } })
    const page = await context.newPage()
    try {
      expect((await page.goto(`${siteUrl}/book`, { waitUntil: 'load' }))?.status()).toBe(200)
      await page.locator('#name').fill('Casey Offline')
      await page.locator('#email').fill('casey@example.com')
      await page.locator('#preferredService').selectOption({ label: 'Not sure yet' })
      await page.locator('#preferredTimes').fill('Friday afternoon')
      await page.locator('#message').fill('Neck stiffness.')
      await page.locator('#consent').check()
      await new Promise((resolve) => setTimeout(resolve, 3200))
      await page.getByRole('button', { name: 'Send request' }).click()
      const problem = page.locator('[data-problem="unavailable"]')
      await problem.waitFor({ timeout: 30_000 })
      expect(await problem.innerText()).toContain('+1 250 555 0142')
      expect(await problem.innerText()).not.toMatch(stackTrace)
      expect(await page.locator('#name').inputValue()).toBe('Casey Offline')
      expect(await page.locator('#email').inputValue()).toBe('casey@example.com')
      expect(await page.locator('#preferredTimes').inputValue()).toBe('Friday afternoon')
      expect(await page.locator('#message').inputValue()).toBe('Neck stiffness.')
      expect(await page.locator('#consent').isChecked()).toBe(true)
    } finally {
      await context.close()
    }
  })

  test('a page never rendered before answers 503 with Retry-After, its message and the phone number in the HTML itself', async () => {
    const path = '/articles/never-rendered-while-the-cms-is-down'
    const response = await get(`${siteUrl}${path}`)
    expect(response.status).toBe(503)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(response.headers.get('cache-control')).toContain('no-store')
    // Readable without JavaScript: the words are in the document, not painted by a script.
    const text = response.body.replace(/<script[\s\S]*?<\/script>/g, '')
    expect(text).toContain('not available right now')
    expect(text).toContain(phone)
    expect(response.body).not.toMatch(stackTrace)
    // What the visitor sees: the site's own error page, saying what happened and what to do, with
    // the site's header and footer (so the phone number to book is still there).
    const context = await browser.newContext(desktop)
    const page = await context.newPage()
    try {
      await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' })
      expect((await page.locator('h1').innerText()).trim(), 'the error page’s heading').toBe('Sorry, this page is not available right now')
      expect(await page.getByText(/try again in a minute/i).count(), 'it says what to do').toBeGreaterThan(0)
      expect(await page.getByRole('link', { name: /home page/i }).count(), 'a way back to the home page').toBeGreaterThan(0)
      expect(await page.locator('body').innerText(), 'the clinic’s phone number, to book or ask').toContain(phone)
      expect(await page.locator('body').innerText()).not.toMatch(stackTrace)
    } finally {
      await context.close()
    }
  })
})
