import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin } from './support/admin'
import { bookAsVisitor } from './support/booking'
import { createArticle, uniqueSlug, type CreatedArticle } from './support/articles'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson, login } from './support/cms'
import { e2e, type Account } from './support/context'
import { waitForEmail } from './support/mailbox'
import { waitFor } from './support/servers'
import { get, h1Of, waitForH1 } from './support/site'

/**
 * Nothing fails silently (issue 19), in the admin, in a real browser, on the shared stack (scheduled
 * publishing is polled every second there, see global-setup):
 * - a schedule that could not publish is refused in the drawer with the message a publish gives,
 *   for each role that may schedule, and nothing is queued;
 * - a schedule that fails at its time stays in "What is going out" with its reason and a link, is
 *   emailed once to whoever scheduled it and the editors (the real SMTP test server), and goes live
 *   when retried in the admin after the fix;
 * - the dashboard shows an editor a new appointment request within one reload, and a marketer no
 *   personal data at all.
 */

const { cmsUrl, siteUrl, admin, editor, marketer, mailboxUrl, logDir } = e2e()

let browser: Browser
let adminToken: string

beforeAll(async () => {
  browser = await launchBrowser()
  adminToken = await login(cmsUrl, admin.email, admin.password)
})

afterAll(async () => {
  await browser?.close()
})

/** A fresh browser session, in UTC like the CMS of this suite (the drawer reads times in the browser's zone). */
async function session(extraHTTPHeaders?: Record<string, string>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...desktop, timezoneId: 'UTC', locale: 'en-US', extraHTTPHeaders })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  return { context, page }
}

/** A screenshot for a failed test (runs after the test; its page may be closed by then). */
const shoot = (page: Page, name: string) => () =>
  page.screenshot({ path: path.join(logDir, `${name}.png`), fullPage: true }).then(
    () => undefined,
    () => undefined,
  )

const credential = [{ credential: 'Registered physiotherapist', category: 'license' }]

/** A team member made by the admin over REST: a clinician with a credential, or one without. */
async function teamMember(name: string, credentialed: boolean): Promise<number | string> {
  const created = await cmsJson<{ doc: { id: number | string } }>(cmsUrl, '/api/team', {
    method: 'POST',
    token: adminToken,
    body: { name, jobTitle: credentialed ? 'Physiotherapist' : 'Receptionist', bio: 'Made by the end-to-end tests.', clinicalCredentials: credentialed ? credential : [], _status: 'published' },
  })
  return created.doc.id
}

const setCredentials = (id: number | string, credentials: typeof credential) =>
  cmsJson(cmsUrl, `/api/team/${id}`, { method: 'PATCH', token: adminToken, body: { clinicalCredentials: credentials } })

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A time as the schedule drawer's date picker reads it ("MMM d, yyy h:mm a", in UTC). */
function pickerText(date: Date): string {
  const hours = date.getUTCHours()
  const minutes = String(date.getUTCMinutes()).padStart(2, '0')
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
}

/** The first whole minute at least `leadSeconds` from now (the picker works in whole minutes). */
function nextMinute(leadSeconds: number): Date {
  const at = new Date(Date.now() + leadSeconds * 1000)
  at.setUTCSeconds(0, 0)
  at.setUTCMinutes(at.getUTCMinutes() + 1)
  return at
}

/** In the admin: open the article, "Schedule Publish" in the dropdown beside "Publish changes", Publish, the time, Save. */
async function scheduleInDrawer(page: Page, article: CreatedArticle, at: Date) {
  await page.goto(`${cmsUrl}/admin/collections/articles/${article.id}`, { waitUntil: 'load' })
  await page.locator('form.collection-edit__form[data-form-ready="true"]').waitFor()
  await page.locator('#action-save-popup button').first().click()
  await page.getByRole('button', { name: 'Schedule Publish' }).click()
  const drawer = page.locator('.schedule-publish')
  await drawer.waitFor()
  await drawer.getByText('Publish', { exact: true }).click()
  const time = drawer.locator('#time input')
  await time.fill(pickerText(at))
  await time.press('Tab')
  if ((await time.inputValue()) !== pickerText(at)) throw new Error(`The date picker did not accept "${pickerText(at)}"`)
  await drawer.locator('#scheduled-publish-save').click()
  return drawer
}

const toasts = (page: Page) => page.locator('.payload-toast-container, [data-sonner-toaster]')

const goingOut = async (page: Page) => {
  await page.goto(`${cmsUrl}/admin/going-out`, { waitUntil: 'load' })
  await page.getByRole('heading', { level: 1, name: 'What is going out' }).waitFor()
  return {
    failed: page.locator('section[aria-labelledby="going-out-failed"]'),
    scheduled: page.locator('section[aria-labelledby="going-out-scheduled"]'),
  }
}

/** The article as stored (published copy), read by the admin over REST. */
const storedStatus = async (id: number | string) => (await cmsJson<{ _status?: string }>(cmsUrl, `/api/articles/${id}?depth=0`, { token: adminToken }))._status

describe('a schedule is checked when it is made', () => {
  test.for<[string, Account]>([
    ['a marketer', marketer],
    ['an editor', editor],
  ])('%s scheduling an article whose reviewer has no clinical credential is refused in the drawer with the publish message; nothing is queued', { timeout: 240_000 }, async ([role, account], { onTestFailed }) => {
    const { context, page } = await session()
    onTestFailed(shoot(page, `schedule-refused-${role.replace(/\W+/g, '-')}-failure`))
    try {
      const receptionist = await teamMember(`Front desk ${uniqueSlug('e2e')}`, false)
      const article = await createArticle(cmsUrl, adminToken, { title: `Desk stretches ${uniqueSlug('refused')}`, slug: uniqueSlug('desk-stretches'), status: 'draft', medicalReviewer: receptionist })
      // What a publish by this person says, over REST (the admin's publish shows the same).
      const token = await login(cmsUrl, account.email, account.password)
      const publish = await fetch(`${cmsUrl}/api/articles/${article.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ _status: 'published' }),
      })
      expect(publish.status).toBe(400)
      const publishMessage = ((await publish.json()) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? ''
      expect(publishMessage).toMatch(/cannot be published without a current medical review/)

      await adminLogin(page, cmsUrl, account)
      const drawer = await scheduleInDrawer(page, article, new Date(Date.now() + 3 * 60 * 60 * 1000))
      const refusal = toasts(page).getByText(/cannot be scheduled/).first()
      await refusal.waitFor()
      const said = (await refusal.innerText()).replace(/\s+/g, ' ').trim()
      expect(said).toBe(`This cannot be scheduled: ${publishMessage}`)
      expect(await toasts(page).getByText('Scheduled successfully.').count()).toBe(0)
      // The drawer lists no upcoming event for it.
      expect(await drawer.locator('.schedule-publish__upcoming table').count()).toBe(0)

      // Nothing queued: still a draft, not on the site, not in "What is going out".
      expect(await storedStatus(article.id)).toBe('draft')
      expect((await get(`${siteUrl}/articles/${article.slug}`)).status).toBe(404)
      const view = await goingOut(page)
      expect(await view.scheduled.innerText()).not.toContain(article.title)
      expect(await view.failed.count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})

describe('a scheduled publish that fails at its time', () => {
  test('is listed as failed with its reason and a link, emailed once, and goes live when retried after the fix', { timeout: 420_000 }, async ({ onTestFailed }) => {
    const scheduler = await session()
    const fixer = await session()
    onTestFailed(async () => {
      await shoot(scheduler.page, 'schedule-failed-marketer-failure')()
      await shoot(fixer.page, 'schedule-failed-editor-failure')()
    })
    try {
      const clinician = await teamMember(`Physio ${uniqueSlug('e2e')}`, true)
      const article = await createArticle(cmsUrl, adminToken, { title: `Shoulder mobility ${uniqueSlug('later')}`, slug: uniqueSlug('shoulder-mobility'), status: 'draft', medicalReviewer: clinician })
      const subject = `Scheduled publish failed: ${article.title}`

      // A marketer schedules it for the next minute the drawer allows: accepted.
      await adminLogin(scheduler.page, cmsUrl, marketer)
      const at = nextMinute(45)
      const drawer = await scheduleInDrawer(scheduler.page, article, at)
      await drawer.getByText('Scheduled successfully.').or(toasts(scheduler.page).getByText('Scheduled successfully.')).first().waitFor()
      let view = await goingOut(scheduler.page)
      expect(await view.scheduled.locator('tr', { hasText: article.title }).count()).toBe(1)

      // Before its time, the reviewer's credential is removed (as an admin would, over REST).
      await setCredentials(clinician, [])
      expect(Date.now(), 'the credential was removed before the scheduled time').toBeLessThan(at.getTime())

      // At its time it fails: listed as failed, with the reason in words and a link to fix it.
      const failedRow = () => scheduler.page.locator('section[aria-labelledby="going-out-failed"] tr', { hasText: article.title })
      await waitFor(
        async () => {
          view = await goingOut(scheduler.page)
          return (await failedRow().count()) === 1
        },
        { timeout: at.getTime() - Date.now() + 60_000, interval: 2_000, message: `"What is going out" did not list the failed schedule by a minute after ${at.toISOString()}` },
      )
      const row = failedRow()
      const rowText = (await row.innerText()).replace(/\s+/g, ' ')
      expect(rowText).toContain('Publish failed')
      expect(rowText).toMatch(/cannot be published without a current medical review/)
      expect(rowText).toMatch(/no clinical credential/)
      expect(await row.getByRole('link', { name: article.title }).getAttribute('href')).toBe(`/admin/collections/articles/${article.id}`)
      // Retrying is for editors and admins: the marketer sees the failure, not the button.
      expect(await row.getByRole('button', { name: 'Retry' }).count()).toBe(0)
      expect(await view.scheduled.innerText()).not.toContain(article.title)
      expect(await storedStatus(article.id)).toBe('draft')
      expect((await get(`${siteUrl}/articles/${article.slug}`)).status).toBe(404)

      // Emailed to whoever scheduled it and to the editors, with the link to the document.
      const mail = await waitForEmail(mailboxUrl, (message) => message.subject === subject, 'the failed-schedule email')
      expect(mail.envelopeTo).toEqual(expect.arrayContaining([marketer.email, editor.email]))
      expect(mail.text).toContain(`/admin/collections/articles/${article.id}`)

      // An editor retries before the fix: refused, with the reason, and it stays failed.
      await adminLogin(fixer.page, cmsUrl, editor)
      await goingOut(fixer.page)
      const editorRow = fixer.page.locator('section[aria-labelledby="going-out-failed"] tr', { hasText: article.title })
      await editorRow.getByRole('button', { name: 'Retry' }).click()
      const refused = editorRow.getByRole('alert')
      await refused.waitFor()
      expect(await refused.innerText()).toMatch(/Still cannot be published: .*no clinical credential/)
      expect(await storedStatus(article.id)).toBe('draft')

      // The cause is fixed; Retry in the admin; live on the site.
      await setCredentials(clinician, credential)
      await goingOut(fixer.page)
      await editorRow.getByRole('button', { name: 'Retry' }).click()
      const done = editorRow.getByRole('status')
      await done.waitFor()
      expect((await done.innerText()).trim()).toBe('Published.')
      await waitForH1(`${siteUrl}/articles/${article.slug}`, article.title, 30_000)
      expect(h1Of((await get(`${siteUrl}/articles/${article.slug}`)).body)).toBe(article.title)
      // And it is no longer listed as failed.
      await waitFor(
        async () => {
          const { failed } = await goingOut(fixer.page)
          return (await failed.count()) === 0 || !(await failed.innerText()).includes(article.title)
        },
        { timeout: 30_000, interval: 1_000, message: 'The retried schedule was still listed as failed' },
      )

      // One email for the one failure (the refused retry ran nothing).
      const messages = (await (await fetch(mailboxUrl)).json()) as { subject: string }[]
      expect(messages.filter((message) => message.subject === subject)).toHaveLength(1)
    } finally {
      await scheduler.context.close()
      await fixer.context.close()
    }
  })
})

describe('the dashboard: what needs you now', () => {
  test('an editor sees a new appointment request within one reload (count and oldest); a marketer sees no personal data', { timeout: 240_000 }, async ({ onTestFailed }) => {
    const staff = await session()
    // The visitor's own address, as the front cache would forward it (its own rate-limit bucket).
    const visitor = await session({ 'x-forwarded-for': '198.51.100.119' })
    const marketerSession = await session()
    onTestFailed(async () => {
      await shoot(staff.page, 'dashboard-editor-failure')()
      await shoot(marketerSession.page, 'dashboard-marketer-failure')()
    })
    const person = { name: `Rowan Quillfeather ${Date.now().toString(36)}`, email: `rowan.${Date.now().toString(36)}@example.com`, phone: '+1 250 555 0143' }
    try {
      await adminLogin(staff.page, cmsUrl, editor)
      await staff.page.goto(`${cmsUrl}/admin`, { waitUntil: 'load' })
      const requests = staff.page.locator('.needs-you [data-section="requests"]')
      await requests.waitFor()
      const countNow = async () => Number((await requests.locator('strong').first().innerText()).trim())
      const before = await countNow()

      // A visitor books through the site's form.
      await bookAsVisitor(visitor.page, siteUrl, { ...person, service: 'Not sure yet', times: 'Tuesday afternoons' })

      // One reload of the dashboard shows it: the count went up by one, the oldest waiting request is linked.
      await staff.page.reload({ waitUntil: 'load' })
      await requests.waitFor()
      expect(await countNow()).toBe(before + 1)
      const oldest = await cmsJson<{ docs: { id: number | string }[] }>(cmsUrl, '/api/appointment-requests?where[status][equals]=new&sort=createdAt&limit=1&depth=0', { token: adminToken })
      const oldestLink = requests.getByRole('link', { name: /^Oldest: request #/ })
      expect(await oldestLink.getAttribute('href')).toBe(`/admin/collections/appointment-requests/${oldest.docs[0]?.id}`)
      // Requests are named by number on the dashboard, never by the visitor's details.
      const editorText = await staff.page.locator('.needs-you').innerText()
      for (const personal of [person.name, person.email, person.phone]) expect(editorText).not.toContain(personal)

      // A marketer's dashboard: the content sections, nothing about appointment requests.
      await adminLogin(marketerSession.page, cmsUrl, marketer)
      await marketerSession.page.goto(`${cmsUrl}/admin`, { waitUntil: 'load' })
      await marketerSession.page.getByRole('heading', { name: 'What needs you now' }).waitFor()
      await marketerSession.page.locator('.needs-you [data-section="drafts"]').waitFor()
      const text = await marketerSession.page.locator('body').innerText()
      for (const personal of [person.name, person.email, person.phone, 'Quillfeather', 'rowan.']) expect(text).not.toContain(personal)
      expect(text).not.toMatch(/appointment request/i)
      expect(await marketerSession.page.locator('.needs-you [data-section="requests"]').count()).toBe(0)
      expect(await marketerSession.page.locator('a[href*="appointment-requests"]').count()).toBe(0)
    } finally {
      await staff.context.close()
      await visitor.context.close()
      await marketerSession.context.close()
    }
  })
})
