import type { Payload, PayloadRequest, TaskConfig, Where } from 'payload'

/** The retention period the site settings give, in months (12 unless staff chose otherwise). */
export const defaultRetentionMonths = 12

/** The moment before which a closed request has expired: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  return cutoff
}

/**
 * Deletes the closed appointment requests whose retention period has run out, and logs what it
 * removed (ids and closing dates: no personal data in the log). Requests that are not closed are
 * never touched, however old.
 */
export async function deleteExpiredRequests(payload: Payload, now = new Date(), req?: PayloadRequest): Promise<{ deleted: (number | string)[]; cutoff: string }> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const months = settings.appointmentRetentionMonths ?? defaultRetentionMonths
  const cutoff = retentionCutoff(now, months).toISOString()
  const where: Where = { and: [{ status: { equals: 'closed' } }, { closedAt: { less_than: cutoff } }] }
  const deleted: (number | string)[] = []
  // In batches, so a long backlog never loads every request at once.
  for (;;) {
    const batch = await payload.find({ collection: 'appointment-requests', where, depth: 0, limit: 100, overrideAccess: true, req, select: { closedAt: true } })
    if (batch.docs.length === 0) break
    const ids = batch.docs.map((doc) => doc.id)
    await payload.delete({ collection: 'appointment-requests', where: { id: { in: ids } }, overrideAccess: true, req })
    for (const doc of batch.docs) {
      deleted.push(doc.id)
      payload.logger.info(`Retention: deleted appointment request ${String(doc.id)} (closed ${String(doc.closedAt)}, over ${months} months ago).`)
    }
  }
  payload.logger.info(`Retention: ${deleted.length} closed appointment request(s) older than ${months} months deleted (closed before ${cutoff}).`)
  return { deleted, cutoff }
}

/** The scheduled job: every night at 03:30 (server time). */
export const deleteExpiredRequestsTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: 'deleteExpiredAppointmentRequests',
  label: 'Delete expired appointment requests',
  schedule: [{ cron: '0 30 3 * * *', queue: 'default' }],
  retries: 2,
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  handler: async ({ req }) => {
    const { deleted } = await deleteExpiredRequests(req.payload, new Date(), req)
    return { output: { deleted: deleted.length } }
  },
}
