/**
 * What the server process knows about the CMS, shared by every bundle of it: pages, route handlers
 * and instrumentation are bundled apart, so a module-level variable would not be shared. Read by
 * lib/cms-unavailable-response.ts to answer 503 (with the clinic's phone number) instead of 500.
 */
const sinceKey = Symbol.for('clinic.cmsUnavailableSince')
const contactKey = Symbol.for('clinic.contact')

/** How a visitor reaches the clinic when the site cannot show a page. */
export type ClinicContact = { clinicName: string; phone: string; email: string }

type Holder = { [sinceKey]?: number; [contactKey]?: ClinicContact }
const holder = globalThis as Holder

export function markCmsUnavailable(): void {
  holder[sinceKey] ??= Date.now()
}

export function markCmsAnswered(): void {
  delete holder[sinceKey]
}

/** Since when the CMS has failed to answer, or undefined if its last answer was fine. */
export function cmsUnavailableSince(): number | undefined {
  return holder[sinceKey]
}

/** Kept from the last site settings read (from the CMS or the site's cache of it). */
export function rememberContact(contact: ClinicContact): void {
  holder[contactKey] = { clinicName: contact.clinicName, phone: contact.phone, email: contact.email }
}

export function lastKnownContact(): ClinicContact | undefined {
  return holder[contactKey]
}
