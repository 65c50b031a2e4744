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

const request = (email: string, name = 'Jordan Visitor') => ({
  name,
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

  it('the acknowledgement repeats nothing the visitor typed: a hostile name reaches staff only, cleaned of line breaks', async () => {
    const hostile = 'Claim your refund at https://evil.example/r/1\r\nBcc: victim@example.com'
    await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('stranger@example.com', hostile) })
    const ack = await smtp.waitForMessage((message) => message.envelopeTo.includes('stranger@example.com'), { description: 'the acknowledgement' })
    expect(ack.text).not.toMatch(/refund|evil\.example|https?:\/\/|Bcc/i)
    expect(ack.subject).not.toMatch(/refund|evil/i)
    expect(ack.envelopeTo).toEqual(['stranger@example.com'])
    const staff = await smtp.waitForMessage((message) => message.envelopeTo.includes('frontdesk@clinic.example') && message.text.includes('evil.example'), {
      description: 'the staff notification of the hostile request',
    })
    // Staff see the name as stored: one line, the CR/LF gone.
    expect(staff.text).toContain('Name: Claim your refund at https://evil.example/r/1 Bcc: victim@example.com\n')
    const stored = await payload.find({ collection: 'appointment-requests', where: { email: { equals: 'stranger@example.com' } }, overrideAccess: true })
    expect(stored.docs[0]?.name).toBe('Claim your refund at https://evil.example/r/1 Bcc: victim@example.com')
  })

  it('a second request to the same address within a day: staff are told again, the address gets no second acknowledgement', async () => {
    const before = smtp.messages.length
    const first = await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('twice@example.com', 'First Request') })
    await smtp.waitForMessage((message) => message.envelopeTo.includes('twice@example.com'), { description: 'the first acknowledgement' })
    // Same address, other capitals: the same mailbox.
    const second = await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('Twice@Example.com', 'Second Request') })
    await smtp.waitForMessage((message) => message.envelopeTo.includes('frontdesk@clinic.example') && message.subject.includes('Second Request'), {
      description: 'the staff notification of the second request',
    })
    // A third, to be sure a late second acknowledgement would have arrived by the time its staff mail did.
    await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('twice@example.com', 'Third Request') })
    await smtp.waitForMessage((message) => message.envelopeTo.includes('frontdesk@clinic.example') && message.subject.includes('Third Request'), {
      description: 'the staff notification of the third request',
    })
    const acks = smtp.messages.slice(before).filter((message) => message.envelopeTo.some((to) => to.toLowerCase() === 'twice@example.com'))
    expect(acks, 'acknowledgements to twice@example.com').toHaveLength(1)
    expect(second.id).not.toBe(first.id)
    // Another address is unaffected.
    await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('other@example.com') })
    await smtp.waitForMessage((message) => message.envelopeTo.includes('other@example.com'), { description: "another address's acknowledgement" })
  })

  it('a failed send still stores the request', async () => {
    await smtp.stop()
    const doc = await payload.create({ collection: 'appointment-requests', user: bookingService, overrideAccess: false, data: request('offline@example.com') })
    const stored = await payload.findByID({ collection: 'appointment-requests', id: doc.id, overrideAccess: true })
    expect(stored.email).toBe('offline@example.com')
    expect(stored.status).toBe('new')
  })
})
