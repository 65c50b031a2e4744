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

/**
 * After a new request: an email to the clinic's staff (who, what, when, and a link to the request
 * in the admin; never the visitor's message, email is no place for health details) and an
 * acknowledgement to the visitor. A failed send never loses the request: it is logged, and staff
 * still see the request in the admin.
 */
export const notifyAboutRequest: CollectionAfterChangeHook<AppointmentRequest> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || req.context?.skipBookingEmails) return doc
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const clinic = settings.clinicName
  const service = await serviceName(doc, req)
  const link = `${env.serverUrl}/admin/collections/appointment-requests/${doc.id}`
  const staffAddress = settings.bookingNotificationEmail || settings.email

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
    {
      kind: 'acknowledgement',
      to: doc.email,
      subject: `We received your appointment request · ${clinic}`,
      text: [
        `Hello ${doc.name},`,
        ``,
        `Thank you for your request. Someone from ${clinic} will contact you within one working day to find a time.`,
        `Nothing is booked until we confirm a time with you.`,
        ``,
        `If you need to reach us sooner, call ${settings.phone}.`,
        ``,
        `${clinic}`,
      ].join('\n'),
    },
  ]
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
