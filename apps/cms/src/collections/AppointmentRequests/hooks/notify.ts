import type { CollectionAfterChangeHook } from 'payload'
import type { AppointmentRequest } from '@clinic/cms-types'
import { afterCommit } from '@/lib/after-commit'
import { attemptBookingEmail, recordNotSent } from '@/lib/booking-emails'

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
 * told. Each email's outcome is recorded on the request (lib/booking-emails): a failed send never
 * loses the request, is logged, shown on the request and retried from the job queue.
 */
export const notifyAboutRequest: CollectionAfterChangeHook<AppointmentRequest> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || req.context?.skipBookingEmails) return doc
  // A failed look-up must not cost the visitor their acknowledgement: it is logged, and sent.
  const acknowledge = !(await addressHadRecentRequest(doc, req).catch((error: unknown) => {
    req.payload.logger.warn(`Appointment request ${String(doc.id)}: could not check for an earlier acknowledgement (${String(error).slice(0, 200)}); sending it.`)
    return false
  }))
  if (!acknowledge) req.payload.logger.info(`Appointment request ${String(doc.id)}: no acknowledgement, this address already had one in the last 24 hours.`)
  const { payload } = req
  // Only once the request is stored: a create that is rolled back sends nothing. The outcome is
  // written outside the create's transaction, so nothing here can undo the request.
  await afterCommit(req, async () => {
    for (const kind of ['staffNotification', 'acknowledgement'] as const) {
      try {
        if (kind === 'acknowledgement' && !acknowledge) await recordNotSent(payload, doc.id, kind, 'this address already had an acknowledgement in the last 24 hours (at most one a day)')
        else await attemptBookingEmail(payload, doc.id, kind, 'first')
      } catch (error) {
        payload.logger.error(`Appointment request ${String(doc.id)}: the ${kind === 'acknowledgement' ? 'acknowledgement' : 'staff notification'} email could not be sent or recorded (${String(error).split('\n')[0]}). The request is stored.`)
      }
    }
  })
  return doc
}
