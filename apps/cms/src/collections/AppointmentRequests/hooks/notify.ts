import type { CollectionAfterChangeHook } from 'payload'
import type { AppointmentRequest, Service } from '@clinic/cms-types'
import { env } from '@/env'
import { afterCommit } from '@/lib/after-commit'

const serviceName = async (doc: AppointmentRequest, req: Parameters<CollectionAfterChangeHook>[0]['req']): Promise<string> => {
  const ref = doc.preferredService
  if (!ref) return 'Not sure yet'
  if (typeof ref === 'object') return (ref as Service).name
  try {
    const service = await req.payload.findByID({ collection: 'services', id: ref, depth: 0, overrideAccess: true, req })
    return service.name
  } catch {
    return `Service ${String(ref)}`
  }
}

/** At most one acknowledgement per recipient address in this window. */
export const acknowledgementWindowMs = 24 * 60 * 60 * 1000

/**
 * Whether another request to the same address (compared without case) was stored in the last 24
 * hours. The database is the counter, so the limit holds across CMS instances and restarts; a
 * request that got no acknowledgement counts too, so at most one acknowledgement per address per day.
 */
async function addressHadRecentRequest(doc: AppointmentRequest, req: Parameters<CollectionAfterChangeHook>[0]['req']): Promise<boolean> {
  const address = doc.email.trim().toLowerCase()
  const since = new Date(Date.now() - acknowledgementWindowMs).toISOString()
  const { docs } = await req.payload.find({
    collection: 'appointment-requests',
    // `like` is case-insensitive on both databases; the exact match is checked below.
    where: { and: [{ email: { like: address } }, { createdAt: { greater_than: since } }, { id: { not_equals: doc.id } }] },
    select: { email: true },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.some((other) => typeof other.email === 'string' && other.email.trim().toLowerCase() === address)
}

/**
 * After a new request: an email to the clinic's staff (who, what, when, and a link to the request
 * in the admin; never the visitor's message, email is no place for health details) and an
 * acknowledgement to the visitor. Anyone can type a stranger's address into the form, so the
 * acknowledgement carries no text the visitor chose (not even the name: "Hello <a link>" would make
 * the clinic's sender a spammer's) and goes at most once a day to one address; staff are always
 * told. A failed send never loses the request: it is logged, and staff still see it in the admin.
 */
export const notifyAboutRequest: CollectionAfterChangeHook<AppointmentRequest> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || req.context?.skipBookingEmails) return doc
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const clinic = settings.clinicName
  const service = await serviceName(doc, req)
  const link = `${env.serverUrl}/admin/collections/appointment-requests/${doc.id}`
  const staffAddress = settings.bookingNotificationEmail || settings.email

  // A failed look-up must not cost the visitor their acknowledgement: it is logged, and sent.
  const acknowledge = !(await addressHadRecentRequest(doc, req).catch((error: unknown) => {
    req.payload.logger.warn(`Appointment request ${String(doc.id)}: could not check for an earlier acknowledgement (${String(error).slice(0, 200)}); sending it.`)
    return false
  }))

  const sends: { to: string; subject: string; text: string; kind: string }[] = [
    {
      kind: 'staff notification',
      to: staffAddress,
      subject: `New appointment request: ${doc.name}`,
      text: [
        `A new appointment request came in through the website.`,
        ``,
        `Name: ${doc.name}`,
        `Preferred service: ${service}`,
        `Preferred days and times: ${doc.preferredTimes}`,
        ``,
        `Open the request (contact details and message) in the admin:`,
        link,
        ``,
        `The visitor's message is only in the admin, never in email.`,
      ].join('\n'),
    },
  ]
  if (acknowledge) {
    sends.push({
      kind: 'acknowledgement',
      to: doc.email,
      subject: `We received your appointment request · ${clinic}`,
      text: [
        `Hello,`,
        ``,
        `Thank you for your appointment request (${service}). Someone from ${clinic} will contact you within one working day to find a time.`,
        `If you did not ask for an appointment, someone else typed in your address: you can ignore this email.`,
        `Nothing is booked until we confirm a time with you.`,
        ``,
        `If you need to reach us sooner, call ${settings.phone}.`,
        ``,
        `${clinic}`,
      ].join('\n'),
    })
  } else {
    req.payload.logger.info(`Appointment request ${String(doc.id)}: no acknowledgement, this address already had one in the last 24 hours.`)
  }
  // Only once the request is stored: a create that is rolled back sends nothing.
  await afterCommit(req, async () => {
    for (const message of sends) {
      try {
        await req.payload.sendEmail({ to: message.to, subject: message.subject, text: message.text })
      } catch (error) {
        req.payload.logger.error(`Appointment request ${String(doc.id)}: the ${message.kind} email could not be sent (${String(error)}). The request is stored.`)
      }
    }
  })
  return doc
}
