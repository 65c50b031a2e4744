import { bookingConsent } from '@clinic/cms-types'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteExpiredRequests, retentionCutoff } from '@/jobs/delete-expired-requests'
import { bootPayload, shutdownPayload } from './helpers/payload'

/** Closed requests are deleted once the retention period in site settings has passed; nothing else is. */

let payload: Payload
const now = new Date('2026-11-30T12:00:00.000Z')
const monthsAgo = (months: number, days = 0) => new Date(Date.UTC(2026, 10 - months, 30 - days, 12)).toISOString()

beforeAll(async () => {
  payload = await bootPayload('retention')
  await payload.updateGlobal({
    slug: 'site-settings',
    overrideAccess: true,
    context: { disableRevalidate: true },
    data: {
      clinicName: 'Retention Clinic',
      phone: '555 0100',
      email: 'hello@clinic.example',
      address: { street: '1 Main St', city: 'Town', postalCode: 'A1A 1A1', country: 'CA' },
      bookingUrl: '/book',
      medicalDisclaimer: 'Not medical advice.',
    },
  })
})

afterAll(async () => {
  await shutdownPayload(payload)
})

/** A request with a given status and closing time, as years of use would leave them. */
async function requestWith(label: string, status: 'new' | 'contacted' | 'booked' | 'closed', closedAt: string | null, createdAt = monthsAgo(30)) {
  const doc = await payload.create({
    collection: 'appointment-requests',
    overrideAccess: true,
    context: { skipBookingEmails: true },
    data: { name: label, email: 'old@example.com', preferredTimes: 'Any', consent: true, consentVersion: bookingConsent.version },
  })
  // Set directly in the database, as time would have: the hooks stamp "now".
  await payload.db.updateOne({ collection: 'appointment-requests', id: doc.id, data: { status, closedAt, createdAt } })
  return doc.id
}

describe('retention of appointment requests', () => {
  it('deletes exactly the closed requests older than the period (12 months by default), and logs them', async () => {
    const ids = {
      closedLongAgo: await requestWith('closed 13 months ago', 'closed', monthsAgo(13)),
      closedJustExpired: await requestWith('closed 12 months and a day ago', 'closed', monthsAgo(12, 1)),
      closedRecently: await requestWith('closed 11 months ago', 'closed', monthsAgo(11)),
      closedYesterday: await requestWith('closed yesterday', 'closed', monthsAgo(0, 1)),
      oldNew: await requestWith('new, from 30 months ago', 'new', null),
      oldContacted: await requestWith('contacted, 30 months ago', 'contacted', null),
      oldBooked: await requestWith('booked, 30 months ago', 'booked', null),
    }
    const logged: string[] = []
    const info = payload.logger.info.bind(payload.logger)
    payload.logger.info = ((message: unknown) => {
      logged.push(String(message))
      return info(message as never)
    }) as typeof payload.logger.info
    const { deleted } = await deleteExpiredRequests(payload, now)
    payload.logger.info = info

    expect(deleted.map(String).sort()).toEqual([ids.closedLongAgo, ids.closedJustExpired].map(String).sort())
    const remaining = await payload.find({ collection: 'appointment-requests', overrideAccess: true, limit: 100, depth: 0 })
    expect(remaining.docs.map((doc) => String(doc.id)).sort()).toEqual(
      [ids.closedRecently, ids.closedYesterday, ids.oldNew, ids.oldContacted, ids.oldBooked].map(String).sort(),
    )
    expect(logged.some((line) => line.includes(`deleted appointment request ${String(ids.closedLongAgo)}`))).toBe(true)
    expect(logged.some((line) => line.includes('2 closed appointment request(s) older than 12 months deleted'))).toBe(true)
    // The log names ids, never people.
    expect(logged.join('\n')).not.toContain('old@example.com')

    // Run again: nothing more to delete.
    expect((await deleteExpiredRequests(payload, now)).deleted).toEqual([])
  })

  it('follows the period staff set in site settings', async () => {
    await payload.updateGlobal({ slug: 'site-settings', overrideAccess: true, context: { disableRevalidate: true }, data: { appointmentRetentionMonths: 6 } })
    const sevenMonths = await requestWith('closed 7 months ago', 'closed', monthsAgo(7))
    const fiveMonths = await requestWith('closed 5 months ago', 'closed', monthsAgo(5))
    const { deleted } = await deleteExpiredRequests(payload, now)
    expect(deleted.map(String)).toContain(String(sevenMonths))
    expect(deleted.map(String)).not.toContain(String(fiveMonths))
  })

  it('is a scheduled job that runs through Payload\'s job queue', async () => {
    const task = payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'deleteExpiredAppointmentRequests')
    expect(task?.schedule?.[0]?.cron).toBeTruthy()
    const expired = await requestWith('closed two years ago', 'closed', monthsAgo(24))
    await payload.jobs.queue({ task: 'deleteExpiredAppointmentRequests', input: {} })
    await payload.jobs.run()
    expect((await payload.count({ collection: 'appointment-requests', overrideAccess: true, where: { id: { equals: expired } } })).totalDocs).toBe(0)
  })

  it('counts months on the calendar', () => {
    expect(retentionCutoff(new Date('2026-11-30T00:00:00Z'), 12).toISOString()).toBe('2025-11-30T00:00:00.000Z')
  })
})
