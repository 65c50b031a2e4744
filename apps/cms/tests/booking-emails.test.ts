import { bookingConsent } from '@clinic/cms-types'
import { startSmtpServer, type TestSmtpServer } from '@clinic/test-support'
import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentData } from './helpers/fixtures'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * Each new request sends two emails through the CMS's email adapter, here to a real SMTP server:
 * one to staff (no free-text message in it) and an acknowledgement to the visitor. A failed
 * send still stores the request.
 */

let payload: Payload
let smtp: TestSmtpServer
let bookingService: TypedUser
let serviceId: number | string

const secretMessage = 'The pain started after my fall last spring and wakes me at night.'

beforeAll(async () => {
  smtp = await startSmtpServer()
  Object.assign(process.env, smtp.env)
  payload = await bootPayload('booking-emails')
  await payload.updateGlobal({
    slug: 'site-settings',
    overrideAccess: true,
    data: {
      clinicName: 'Email Test Clinic',
      phone: '+1 250 555 0142',
      email: 'hello@clinic.example',
      bookingNotificationEmail: 'frontdesk@clinic.example',
      address: { street: '1 Main St', city: 'Town', postalCode: 'A1A 1A1', country: 'CA' },
      bookingUrl: '/book',
      medicalDisclaimer: 'Not medical advice.',
    },
  })
  const account = await payload.create({ collection: 'service-accounts', overrideAccess: true, data: { name: 'Booking', purpose: 'booking' } })
  bookingService = { ...account, collection: 'service-accounts' } as unknown as TypedUser
  const service = await payload.create({
    collection: 'services',
    overrideAccess: true,
    data: { ...contentData('services', { teamId: 0, reviewerId: 0 }), name: 'Hot stone massage', _status: 'published' } as never,
  })
  serviceId = service.id
})

afterAll(async () => {
  await shutdownPayload(payload)
  await smtp?.stop()
})

const request = (email: string) => ({
  name: 'Jordan Visitor',
  email,
  preferredService: serviceId as number,
  preferredTimes: 'Saturday mornings',
  message: secretMessage,
  consent: true,
  consentVersion: bookingConsent.version,
})

describe('booking emails', () => {
  it('staff get name, service, times and a link to the request, never the message; the visitor gets an acknowledgement', async () => {
    const doc = await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('jordan@example.com') })
    const staff = await smtp.waitForMessage((message) => message.envelopeTo.includes('frontdesk@clinic.example'), { description: 'the staff notification' })
    expect(staff.subject).toContain('Jordan Visitor')
    expect(staff.text).toContain('Jordan Visitor')
    expect(staff.text).toContain('Hot stone massage')
    expect(staff.text).toContain('Saturday mornings')
    expect(staff.text).toContain(`/admin/collections/appointment-requests/${doc.id}`)
    expect(staff.text).not.toContain('fall last spring')
    expect(staff.text).not.toContain('jordan@example.com')

    const ack = await smtp.waitForMessage((message) => message.envelopeTo.includes('jordan@example.com'), { description: 'the acknowledgement' })
    expect(ack.subject).toContain('We received your appointment request')
    expect(ack.text).toContain('+1 250 555 0142')
    expect(ack.text).not.toContain('fall last spring')
  })

  it('a failed send still stores the request', async () => {
    await smtp.stop()
    const doc = await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('offline@example.com') })
    const stored = await payload.findByID({ collection: 'appointment-requests', id: doc.id, overrideAccess: true })
    expect(stored.email).toBe('offline@example.com')
    expect(stored.status).toBe('new')
  })
})
