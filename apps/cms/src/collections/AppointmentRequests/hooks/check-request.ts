import { APIError, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeValidateHook } from 'payload'
import { bookingRequestSchema, bookingLimits } from '@clinic/cms-types'
import { userIsAdmin } from '@/access'

/** A second submit of the same form: the site shows its confirmation, nothing new is stored. */
export const duplicateRequestStatus = 409

/**
 * On create, the request must pass the same rules as the site's form (`@clinic/cms-types`
 * booking schema), whoever sends it; a repeated idempotency key is answered with 409.
 */
export const checkBookingRequest: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const result = bookingRequestSchema.safeParse({
    name: data.name ?? '',
    email: data.email ?? '',
    phone: data.phone ?? undefined,
    preferredService: typeof data.preferredService === 'object' && data.preferredService ? data.preferredService.id : (data.preferredService ?? null),
    preferredTimes: data.preferredTimes ?? '',
    message: data.message ?? undefined,
    consent: data.consent,
    consentVersion: data.consentVersion ?? '',
  })
  if (!result.success) {
    throw new ValidationError(
      {
        collection: 'appointment-requests',
        errors: result.error.issues.map((issue) => ({ path: String(issue.path[0] ?? ''), message: issue.message })),
      },
      req.t,
    )
  }
  const key = typeof data.idempotencyKey === 'string' ? data.idempotencyKey.trim() : ''
  if (key) {
    if (key.length > bookingLimits.idempotencyKey) throw new APIError('The form key is too long.', 400, null, true)
    const existing = await req.payload.count({
      collection: 'appointment-requests',
      where: { idempotencyKey: { equals: key } },
      overrideAccess: true,
      req,
    })
    if (existing.totalDocs > 0) throw new APIError('This request was already received.', duplicateRequestStatus, null, true)
  }
  return { ...data, ...result.data, phone: result.data.phone || undefined, message: result.data.message || undefined, idempotencyKey: key || undefined }
}

/**
 * Fields only the server sets: the time of consent and "new" on create (an admin filing a request
 * by hand may say otherwise), and the time a request was closed, from which retention counts.
 */
export const stampServerFields: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const next = { ...data }
  const now = new Date().toISOString()
  if (operation === 'create') {
    next.consentedAt = now
    if (!userIsAdmin(req.user)) next.status = 'new'
  }
  const wasClosed = originalDoc?.status === 'closed'
  const isClosed = (next.status ?? originalDoc?.status) === 'closed'
  if (isClosed && !wasClosed && !next.closedAt) next.closedAt = now
  if (!isClosed) next.closedAt = null
  return next
}
