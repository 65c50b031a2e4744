import type { Page, Response } from 'playwright-core'
import type { Account } from './context'

/** Logs into the Payload admin through its login form, as a member of staff would. */
export async function adminLogin(page: Page, cmsUrl: string, account: Account): Promise<void> {
  await page.goto(`${cmsUrl}/admin/login`, { waitUntil: 'load', timeout: 120_000 })
  // The admin is a React app: the form marks itself ready once hydrated.
  await page.locator('form[data-form-ready="true"]').waitFor({ timeout: 60_000 })
  await page.getByLabel('Email').fill(account.email)
  await page.locator('#field-password').fill(account.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('/login'), { timeout: 60_000 })
}

/** Opens a document from its collection's list view by clicking its title, and waits for the form. */
export async function openFromList(page: Page, cmsUrl: string, collection: string, title: string): Promise<void> {
  await page.goto(`${cmsUrl}/admin/collections/${collection}`, { waitUntil: 'load', timeout: 120_000 })
  const editView = new RegExp(`/admin/collections/${collection}/[^/]+$`)
  // A click that lands while the list view settles its address (it replaces the URL with its default
  // query once hydrated) can be undone by that replace: click again, as a person would, twice at most.
  for (let attempt = 1; ; attempt += 1) {
    await page.getByRole('link', { name: title, exact: true }).first().click({ timeout: 60_000 })
    try {
      await page.waitForURL(editView, { timeout: attempt < 3 ? 15_000 : 60_000 })
      break
    } catch (error) {
      if (attempt >= 3) throw error
    }
  }
  await editFormReady(page)
}

export async function editFormReady(page: Page): Promise<void> {
  await page.locator('form.collection-edit__form[data-form-ready="true"]').waitFor({ timeout: 60_000 })
  await titleField(page).waitFor({ timeout: 60_000 })
}

/** The document's own title field (blocks in the body have title fields of their own). */
const titleField = (page: Page) => page.locator('input#field-title[name="title"]').first()

/** True for the admin's own write of document `id` (autosave or not). */
const isSaveOf = (collection: string, id: string | number, autosave: boolean) => (response: Response) => {
  const url = new URL(response.url())
  return (
    response.request().method() === 'PATCH' &&
    url.pathname === `/api/${collection}/${id}` &&
    (url.searchParams.get('autosave') === 'true') === autosave
  )
}

/** Fails with a message that names the likely cause when the CMS refuses the admin's own write. */
async function expectSaved(response: Response, what: string): Promise<void> {
  if (response.ok()) return
  const body = (await response.text().catch(() => '')).slice(0, 300)
  const hint =
    response.status() === 403
      ? '\nThe CMS refused a write from its own admin UI although the user is logged in. Payload accepts the ' +
        'login cookie only from origins in its `csrf` allow-list (apps/cms/src/payload.config.ts: the site URL, ' +
        "plus `serverURL` when set); the CMS's own public address must be in it, or staff can never save from the admin."
      : ''
  throw new Error(`${what}: the CMS answered ${response.status()} ${body}${hint}`)
}

/** Types a new title; the admin autosaves it as a draft. Resolves once the draft save succeeded. */
export async function typeTitleAndWaitForAutosave(page: Page, collection: string, id: string | number, title: string): Promise<void> {
  const saved = page.waitForResponse(isSaveOf(collection, id, true), { timeout: 60_000 })
  await titleField(page).fill(title)
  await expectSaved(await saved, 'Autosaving the draft')
}

/** Types into one of the document's fields (a CSS selector); the admin autosaves it as a draft. Resolves once that save succeeded. */
export async function fillAndWaitForAutosave(page: Page, collection: string, id: string | number, selector: string, value: string): Promise<void> {
  const saved = page.waitForResponse(isSaveOf(collection, id, true), { timeout: 60_000 })
  await page.locator(selector).first().fill(value)
  await expectSaved(await saved, 'Autosaving the draft')
}

/** Clicks "Publish changes" and waits for the CMS to confirm the publish. */
export async function publishChanges(page: Page, collection: string, id: string | number): Promise<void> {
  const button = page.getByRole('button', { name: 'Publish changes' })
  await button.waitFor({ timeout: 60_000 })
  // The button is disabled while the form is unchanged or an autosave is in flight.
  await page.waitForFunction(
    () => {
      const el = document.querySelector('#action-save')
      return el instanceof HTMLButtonElement && !el.disabled
    },
    undefined,
    { timeout: 60_000 },
  )
  const saved = page.waitForResponse(isSaveOf(collection, id, false), { timeout: 60_000 })
  await button.click()
  await expectSaved(await saved, 'Publishing')
}

/** The document id in the admin's edit URL (/admin/collections/<collection>/<id>). */
export function idFromEditUrl(page: Page): string {
  const id = new URL(page.url()).pathname.split('/').at(-1)
  if (!id) throw new Error(`No document id in ${page.url()}`)
  return id
}
