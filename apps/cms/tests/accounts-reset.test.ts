// Password reset by email, end to end, on a server of its own: it needs SMTP settings pointing at a
// test mail server, and it runs without a trusted proxy (TRUSTED_PROXY unset), as a CMS reached
// directly would, to check that X-Forwarded-For cannot be used to dodge the login throttle.
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumPath, startSmtpServer, type ReceivedEmail, type TestSmtpServer } from '@clinic/test-support'
import { accountLimits } from '@/lib/rate-limit/limits'
import { login, post } from './helpers/accounts'
import { freshDatabaseUri } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'

const admin = { email: 'reset-admin@reset.example', password: 'admin passphrase for resets' }
const staff = { email: 'forgetful@reset.example', password: 'the password I forgot' }

let smtp: TestSmtpServer | undefined
let cms: RunningServer | undefined
let browser: Browser | undefined
let page: Page | undefined
const newPassword = 'a brand new long passphrase'

beforeAll(async () => {
  smtp = await startSmtpServer()
  cms = await startProductionCms({ databaseUri: freshDatabaseUri('reset'), env: { ...smtp.env, EMAIL_FROM_ADDRESS: 'cms@reset.example' } })
  const first = await post(cms.url, '/api/users/first-register', { ...admin, name: 'Reset Admin' })
  expect(first.status, first.text).toBe(200)
  const created = await post(cms.url, '/api/users', { ...staff, name: 'Forgetful Editor', role: 'editor' }, { token: first.body.token })
  expect(created.status, created.text).toBe(201)
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await cms?.stop()
  await smtp?.stop()
})

const linkIn = (email: ReceivedEmail) => /https?:\/\/\S+\/admin\/reset\/[0-9a-f]+/.exec(email.text)?.[0]

describe('password reset by email', () => {
  let link: string | undefined

  it('an unknown email gets the same answer as a known one, and no email is sent for it', async () => {
    const unknown = await post(cms!.url, '/api/users/forgot-password', { email: 'no-such-person@reset.example' })
    // The Host a request claims never ends up in the link (it is built from CMS_URL).
    const known = await fetch(`${cms!.url}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: staff.email.toUpperCase() }),
    })
    expect(unknown.status).toBe(200)
    expect(known.status).toBe(200)
    expect(await known.text()).toBe(unknown.text)
    const email = await smtp!.waitForMessage((message) => message.envelopeTo.includes(staff.email), { description: 'the reset email' })
    // Both were answered before this arrived; only the known address got anything.
    expect(smtp!.messages.filter((message) => message.envelopeTo.some((to) => to.includes('no-such-person')))).toEqual([])
    expect(email.subject).toBe('Reset your password for the clinic CMS')
    expect(email.text).toMatch(/asked to reset the password/)
    expect(email.text).toMatch(/works once, for 60 minutes/)
    expect(email.text).toMatch(/If you did not ask for this, you can ignore this email/)
    link = linkIn(email)
    expect(link, email.text).toBeDefined()
    expect(link!.startsWith(`${cms!.url}/admin/reset/`)).toBe(true)
    expect(email.html).toContain(`href="${link}"`)
  })

  it.each([
    ['too short', 'short pass', /at least 12 characters/],
    ['the email address', staff.email, /must not be your email/],
    ['a common password', 'password1234', /lists attackers try first/],
  ])('refuses a new password that is %s (400 naming the field)', async (_label, password, message) => {
    const token = link!.split('/').pop()
    const answer = await post(cms!.url, '/api/users/reset-password', { token, password })
    expect(answer.status, answer.text).toBe(400)
    expect(answer.body.errors[0].data.errors[0]).toMatchObject({ path: 'password', message: expect.stringMatching(message) })
  })

  it('the link opens the admin’s reset page, which sets the new password; then the new password logs in and the old one does not', async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] })
    page = await browser.newPage()
    page.setDefaultTimeout(60_000)
    await page.goto(link!, { waitUntil: 'load', timeout: 120_000 })
    await page.locator('form[data-form-ready="true"]').waitFor()
    // As on the account page below: typing that lands before the form has marked its new fields
    // (a loaded machine) is refused by the form itself, which then sends nothing: type again.
    let reset: Awaited<ReturnType<NonNullable<typeof page>['waitForResponse']>> | undefined
    for (let attempt = 0; attempt < 4 && !reset; attempt++) {
      await page.locator('#field-password').fill(newPassword)
      await page.locator('#field-confirm-password').fill(newPassword)
      const answer = page
        .waitForResponse((response) => new URL(response.url()).pathname === '/api/users/reset-password', { timeout: 15_000 })
        .catch(() => undefined)
      await page.getByRole('button', { name: /reset password/i }).click()
      reset = await answer
    }
    expect(reset, 'the reset page never sent the new password').toBeDefined()
    expect(reset!.status()).toBe(200)
    await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('/reset'))
    expect((await login(cms!.url, staff.email, newPassword)).status).toBe(200)
    expect((await login(cms!.url, staff.email, staff.password)).status).toBe(401)
    // The link works once.
    const again = await post(cms!.url, '/api/users/reset-password', { token: link!.split('/').pop(), password: 'yet another long passphrase' })
    expect(again.status).toBe(403)
    // A loaded two-core machine may take a minute to serve the admin's first page.
  }, 180_000)

  it('logged in by the reset (a Secure cookie over http://127.0.0.1), the account page changes one’s own password only with the current one', async () => {
    const changed = 'changed on the account page'
    await page!.goto(`${cms!.url}/admin/account`, { waitUntil: 'load', timeout: 120_000 })
    await page!.locator('form[data-form-ready="true"]').waitFor()
    // Clicking "Save": resolves to the status of the admin's PATCH. The form marks the two new
    // password fields invalid when they appear; typing that lands before that mark (a loaded
    // machine) is refused by the form itself ("Please correct invalid fields"), so type again.
    const save = async (): Promise<number> => {
      for (let attempt = 0; attempt < 4; attempt++) {
        if (!(await page!.locator('#field-password').isVisible())) {
          await page!.getByRole('button', { name: 'Change Password' }).click()
          await page!.locator('#field-confirm-password').waitFor()
        }
        await page!.locator('#field-password').fill(changed)
        await page!.locator('#field-confirm-password').fill(changed)
        const response = page!
          .waitForResponse((r) => r.request().method() === 'PATCH' && /^\/api\/users\/[^/]+$/.test(new URL(r.url()).pathname), { timeout: 10_000 })
          .catch(() => undefined)
        await page!.getByRole('button', { name: 'Save' }).click()
        const answered = await response
        if (answered) return answered.status()
      }
      throw new Error('The account page never sent its save.')
    }
    expect(await save()).toBe(400)
    await page!.getByText('Enter your current password to change your password.').first().waitFor()
    await page!.locator('#field-currentPassword').fill(newPassword)
    expect(await save()).toBe(200)
    expect((await login(cms!.url, staff.email, changed)).status).toBe(200)
  }, 180_000)
})

describe('without a trusted proxy', () => {
  it('X-Forwarded-For is ignored: a new value per try does not escape the login throttle', async () => {
    const limit = accountLimits.loginFailuresBySourceAndAccount.points
    for (let i = 0; i < limit; i++) {
      const answer = await login(cms!.url, admin.email, `guess ${i} with a fake source`, `198.51.100.${i + 1}`)
      expect(answer.status, answer.text).toBe(401)
    }
    const refused = await login(cms!.url, admin.email, admin.password, '198.51.100.200')
    expect(refused.status).toBe(429)
  })
})
