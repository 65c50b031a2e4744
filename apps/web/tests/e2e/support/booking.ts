import type { Page } from 'playwright-core'

/** What a visitor types into the booking form (/book); the rest has a plausible default. */
export type BookingVisitor = { name: string; email: string; phone?: string; service?: string; times?: string; message?: string }

/** Fills the booking form the way a visitor would; `wrong` leaves out the name and mistypes the email. */
export async function fillBookingForm(page: Page, visitor: BookingVisitor, { wrong = false } = {}) {
  await page.locator('#name').fill(wrong ? '' : visitor.name)
  await page.locator('#email').fill(wrong ? visitor.email.replace('@', ' at ') : visitor.email)
  await page.locator('#phone').fill(visitor.phone ?? '+1 250 555 0199')
  await page.locator('#preferredService').selectOption({ label: visitor.service ?? 'Deep tissue massage' })
  await page.locator('#preferredTimes').fill(visitor.times ?? 'Weekday mornings before 11')
  await page.locator('#message').fill(visitor.message ?? 'Stiff lower back after gardening.')
  if (!wrong) await page.locator('#consent').check()
}

/** A person takes more than the form's minimum fill time (3 s by default). */
export const personPause = () => new Promise((resolve) => setTimeout(resolve, 3200))

/** A visitor opens /book, fills it in at a person's pace and sends it; resolves on the confirmation page. */
export async function bookAsVisitor(page: Page, siteUrl: string, visitor: BookingVisitor) {
  await page.goto(`${siteUrl}/book`, { waitUntil: 'load' })
  await fillBookingForm(page, visitor)
  await personPause()
  await page.getByRole('button', { name: 'Send request' }).click()
  await page.waitForURL(/\/book\/thanks(#\w+)?$/, { timeout: 60_000 })
}
