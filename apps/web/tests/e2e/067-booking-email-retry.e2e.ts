import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminLogin } from './support/admin'
import { bookAsVisitor } from './support/booking'
import { desktop, launchBrowser } from './support/browser'
import { cmsJson, login } from './support/cms'
import { e2e } from './support/context'
import { waitForEmail } from './support/mailbox'
import { waitFor } from './support/servers'

// Issue 19: a failed acknowledgement is visible on the request in the admin and can be retried.
// The shared stack's SMTP server refuses each `@bounce.test` address once (550 mailbox
// unavailable), then accepts it; the CMS's queued retry waits 10 minutes here, so the editor's
// "Retry now" is what sends it.
const { cmsUrl, siteUrl, admin, editor, mailboxUrl } = e2e()

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

type Request = { id: number | string; emails?: { acknowledgement?: { status?: string }; staffNotification?: { status?: string } } }

describe('a failed acknowledgement, in the admin', () => {
  test('booked on the site; the editor sees the acknowledgement failed with the reason, presses "Retry now", and it is sent once', async () => {
    const visitor = { name: 'Robin Bounced Visitor', email: `robin.${Date.now().toString(36)}@bounce.test` }
    // The visitor books on the site, from an address of their own (the booking limits count per address).
    const siteContext = await browser.newContext({ ...desktop, extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.67' } })
    try {
      const page = await siteContext.newPage()
      await bookAsVisitor(page, siteUrl, { ...visitor, times: 'Thursday afternoons' })
    } finally {
      await siteContext.close()
    }
    await waitForEmail(mailboxUrl, (m) => m.envelopeTo.includes('frontdesk@willowbank-massage.example') && m.text.includes(visitor.name), 'the staff notification')

    const adminToken = await login(cmsUrl, admin.email, admin.password)
    const request = await waitFor(
      async () => {
        const found = await cmsJson<{ docs: Request[] }>(cmsUrl, `/api/appointment-requests?where[email][equals]=${encodeURIComponent(visitor.email)}&depth=0`, { token: adminToken })
        const doc = found.docs[0]
        return doc?.emails?.acknowledgement?.status === 'retrying' && doc.emails.staffNotification?.status === 'sent' ? doc : undefined
      },
      { timeout: 30_000, interval: 300, message: `The request of ${visitor.email} never recorded a failed acknowledgement and a sent staff notification` },
    )

    const context = await browser.newContext(desktop)
    try {
      const page = await context.newPage()
      await adminLogin(page, cmsUrl, editor)
      await page.goto(`${cmsUrl}/admin/collections/appointment-requests/${request.id}`, { waitUntil: 'load' })
      const ack = page.locator('[data-email-kind="acknowledgement"]')
      await ack.waitFor({ timeout: 60_000 })
      expect(await ack.innerText()).toMatch(/Acknowledgement: failed — SMTP refused: 550 mailbox unavailable · retrying at .+ \(attempt 2 of 3\)/)
      expect(await page.locator('[data-email-kind="staffNotification"]').innerText()).toMatch(/^Staff notification: sent · /)
      // The visitor's address is not in the reason.
      expect(await ack.innerText()).not.toContain(visitor.email)

      await ack.getByRole('button', { name: 'Retry now' }).click()
      await ack.getByRole('status').filter({ hasText: 'Acknowledgement sent.' }).waitFor({ timeout: 60_000 })
      // The page reloads itself and shows the new state.
      await page.waitForFunction(() => document.querySelector('[data-email-kind="acknowledgement"]')?.getAttribute('data-email-status') === 'sent', undefined, {
        timeout: 60_000,
      })
      expect(await page.locator('[data-email-kind="acknowledgement"]').innerText()).toMatch(/^Acknowledgement: sent · .+ \(attempt 2\)$/)
      expect(await page.locator('[data-email-kind="acknowledgement"]').getByRole('button', { name: 'Retry now' }).count()).toBe(0)
    } finally {
      await context.close()
    }

    const mail = await waitForEmail(mailboxUrl, (m) => m.envelopeTo.includes(visitor.email), 'the retried acknowledgement')
    expect(mail.subject).toContain('We received your appointment request')
    const all = (await (await fetch(mailboxUrl)).json()) as { envelopeTo: string[] }[]
    expect(all.filter((m) => m.envelopeTo.includes(visitor.email))).toHaveLength(1)
  })
})
