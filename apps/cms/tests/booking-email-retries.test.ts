import { bookingConsent, type AppointmentRequest } from '@clinic/cms-types'
import { startSmtpServer, type TestSmtpServer } from '@clinic/test-support'
import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * Failed booking emails are recorded on the request, retried from the job queue with backoff and
 * never sent twice; staff can retry one by hand; a failed staff notification is flagged on an
 * editor's dashboard (never a marketer's). A real SMTP server refuses the recipients (550, as a
 * mail server does for an unknown mailbox) or is down; the waits are short here
 * (BOOKING_EMAIL_RETRY_DELAYS_MS), the queue is run as its cron would.
 */

const waitMs = 1500
let payload: Payload
let smtp: TestSmtpServer
let bookingService: TypedUser
let editor: TypedUser
let marketer: TypedUser
let whatNeedsMe: typeof import('@/components/admin/NeedsYou/data').whatNeedsMe
let retryBookingEmailEndpoint: typeof import('@/lib/booking-emails').retryBookingEmailEndpoint
let describeEmail: typeof import('@/lib/booking-emails').describeEmail
const logged: { level: string; line: string }[] = []

type Emails = NonNullable<AppointmentRequest['emails']>
type Kind = keyof Emails

const staffAddress = 'frontdesk@retries.example'

async function staff(role: 'editor' | 'marketer'): Promise<TypedUser> {
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: `${role}-${Date.now().toString(36)}@retries.example`, password: 'Quiet-harbour-lantern-2026!', role, name: role } as never,
  })
  return { ...user, collection: 'users' } as unknown as TypedUser
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  Object.assign(process.env, smtp.env, { BOOKING_EMAIL_RETRY_DELAYS_MS: `${waitMs},${waitMs},${waitMs},${waitMs}` })
  payload = await bootPayload('booking-email-retries')
  ;({ whatNeedsMe } = await import('@/components/admin/NeedsYou/data'))
  ;({ retryBookingEmailEndpoint, describeEmail } = await import('@/lib/booking-emails'))
  // Every log line, passed on unchanged: the tests read what an operator would see.
  for (const level of ['error', 'warn', 'info'] as const) {
    const original = payload.logger[level].bind(payload.logger)
    payload.logger[level] = ((...args: unknown[]) => {
      logged.push({ level, line: args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ') })
      return (original as (...a: unknown[]) => void)(...args)
    }) as never
  }
  await payload.updateGlobal({
    slug: 'site-settings',
    overrideAccess: true,
    data: {
      clinicName: 'Retry Test Clinic',
      phone: '+1 250 555 0142',
      email: 'hello@retries.example',
      bookingNotificationEmail: staffAddress,
      address: { street: '1 Main St', city: 'Town', postalCode: 'A1A 1A1', country: 'CA' },
      bookingUrl: '/book',
      medicalDisclaimer: 'Not medical advice.',
    },
  })
  const account = await payload.create({ collection: 'service-accounts', overrideAccess: true, data: { name: 'Booking', purpose: 'booking' } })
  bookingService = { ...account, collection: 'service-accounts' } as unknown as TypedUser
  editor = await staff('editor')
  marketer = await staff('marketer')
}, 120_000)

afterAll(async () => {
  await shutdownPayload(payload)
  await smtp?.stop()
})

let counter = 0
async function book(email: string, name = `Visitor ${++counter}`) {
  return payload.create({
    collection: 'appointment-requests',
    user: bookingService,
    overrideAccess: false,
    data: { name, email, preferredTimes: 'Saturday mornings', message: 'Private health details.', consent: true, consentVersion: bookingConsent.version },
  })
}

async function emailsOf(id: number | string): Promise<Emails> {
  const doc = await payload.findByID({ collection: 'appointment-requests', id, depth: 0, overrideAccess: true })
  return doc.emails ?? {}
}

/** Waits until the request's record of `kind` satisfies `check` (the sends run just after the create commits). */
async function waitForEmailRecord(id: number | string, kind: Kind, check: (value: Emails[Kind]) => boolean, description: string): Promise<Emails[Kind]> {
  const deadline = Date.now() + 20_000
  let last: Emails[Kind]
  for (;;) {
    last = (await emailsOf(id))[kind]
    if (check(last)) return last
    if (Date.now() > deadline) throw new Error(`The ${kind} of request ${String(id)} never became ${description}: ${JSON.stringify(last)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const to = (address: string) => smtp.messages.filter((message) => message.envelopeTo.some((rcpt) => rcpt.toLowerCase() === address))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function retryJobsFor(id: number | string) {
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'retryBookingEmail' } }, limit: 1000, depth: 0, overrideAccess: true })
  return docs.filter((job) => String((job.input as { request?: unknown })?.request) === String(id) && !job.completedAt)
}

async function retryNow(user: TypedUser | null, id: number | string, kind: string) {
  const req = await createLocalReq({ user: user ?? undefined }, payload)
  req.routeParams = { id: String(id), kind }
  const response = await retryBookingEmailEndpoint.handler(req)
  return { status: response.status, body: (await response.json()) as { message?: string; errors?: { message: string }[] } }
}

describe('failed booking emails', () => {
  it('an acknowledgement the mail server refuses: the request is stored, the staff notification sent, the acknowledgement retried once the server accepts, and sent once', async () => {
    const address = 'refused.once@retries.example'
    smtp.refuse((rcpt) => rcpt === address, { times: 1, reply: 'mailbox unavailable' })
    const doc = await book(address)
    const stored = await payload.findByID({ collection: 'appointment-requests', id: doc.id, overrideAccess: true })
    expect(stored.email).toBe(address)

    const ack = await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'retrying', 'retrying')
    expect(ack?.reason).toBe('SMTP refused: 550 mailbox unavailable')
    expect(ack?.attempts).toBe(1)
    expect(new Date(ack?.nextAttemptAt ?? 0).getTime()).toBeGreaterThan(Date.now() - waitMs)
    expect(describeEmail('acknowledgement', ack)).toMatch(/^Acknowledgement: failed — SMTP refused: 550 mailbox unavailable · retrying at .+ \(attempt 2 of 5\)$/)
    const staffRecord = await waitForEmailRecord(doc.id, 'staffNotification', (value) => value?.status === 'sent', 'sent')
    expect(staffRecord?.attempts).toBe(1)
    expect(to(staffAddress).some((message) => message.subject.includes(stored.name))).toBe(true)
    expect(to(address)).toHaveLength(0)
    // One line at error with the request, the kind and the reason; no address in it.
    const line = logged.find((entry) => entry.level === 'error' && entry.line.includes(`Appointment request ${String(doc.id)}:`))
    expect(line?.line).toMatch(/the acknowledgement email failed \(SMTP refused: 550 mailbox unavailable\); retrying at/)
    expect(line?.line).not.toContain(address)

    // Before its time, the queue leaves it alone.
    await payload.jobs.run({ queue: 'default' })
    if (Date.now() < new Date(ack?.nextAttemptAt ?? 0).getTime() - 200) expect((await emailsOf(doc.id)).acknowledgement?.status).toBe('retrying')
    await sleep(waitMs + 200)
    await payload.jobs.run({ queue: 'default' })
    const sent = await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'sent', 'sent')
    expect(sent?.attempts).toBe(2)
    expect(sent?.reason ?? null).toBeNull()
    expect(to(address)).toHaveLength(1)
    expect(logged.some((entry) => entry.level === 'warn' && entry.line.includes(`Appointment request ${String(doc.id)}: retrying the acknowledgement email (attempt 2 of 5)`))).toBe(true)

    // Nothing left to run, and running the queue again, or pressing "Retry now", sends nothing more.
    expect(await retryJobsFor(doc.id)).toHaveLength(0)
    await sleep(waitMs + 200)
    await payload.jobs.run({ queue: 'default' })
    expect((await retryNow(editor, doc.id, 'acknowledgement')).status).toBe(409)
    // A retry job left over (another instance's, or one queued just before a crash) finds it sent.
    await payload.jobs.queue({ task: 'retryBookingEmail', input: { request: String(doc.id), kind: 'acknowledgement' }, queue: 'default' })
    await payload.jobs.run({ queue: 'default' })
    expect((await emailsOf(doc.id)).acknowledgement?.attempts).toBe(2)
    expect(to(address)).toHaveLength(1)
    expect(to(staffAddress).filter((message) => message.subject.includes(stored.name))).toHaveLength(1)
  })

  it('a mail server that keeps refusing: 5 attempts on the backoff, then failed for good with the reason; "Retry now" after the fix sends it once', async () => {
    const address = 'refused.always@retries.example'
    smtp.refuse((rcpt) => rcpt === address, { reply: 'no such user here' })
    const doc = await book(address)
    await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'retrying', 'retrying')
    for (let attempt = 2; attempt <= 5; attempt++) {
      await sleep(waitMs + 200)
      await payload.jobs.run({ queue: 'default' })
      await waitForEmailRecord(doc.id, 'acknowledgement', (value) => (value?.attempts ?? 0) >= attempt, `tried ${attempt} times`)
    }
    const failed = await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'failed', 'failed')
    expect(failed?.attempts).toBe(5)
    expect(failed?.reason).toBe('SMTP refused: 550 no such user here')
    expect(failed?.nextAttemptAt ?? null).toBeNull()
    expect(describeEmail('acknowledgement', failed)).toMatch(/^Acknowledgement: failed — SMTP refused: 550 no such user here · gave up after 5 attempts, last at /)
    expect(await retryJobsFor(doc.id)).toHaveLength(0)
    expect(logged.some((entry) => entry.level === 'error' && entry.line.includes(`Appointment request ${String(doc.id)}: the acknowledgement email failed (SMTP refused: 550 no such user here); no retries left after 5 attempts`))).toBe(true)

    // Only editors and admins may retry.
    expect((await retryNow(marketer, doc.id, 'acknowledgement')).status).toBe(403)
    expect((await retryNow(null, doc.id, 'acknowledgement')).status).toBe(403)
    expect((await retryNow(editor, doc.id, 'nonsense')).status).toBe(400)
    // Still refused: the editor is told why.
    const again = await retryNow(editor, doc.id, 'acknowledgement')
    expect(again.status).toBe(502)
    expect(again.body.errors?.[0]?.message).toBe('Sending failed again: SMTP refused: 550 no such user here')
    smtp.clearRefusals()
    const fixed = await retryNow(editor, doc.id, 'acknowledgement')
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
    expect((await emailsOf(doc.id)).acknowledgement?.status).toBe('sent')
    expect(to(address)).toHaveLength(1)
  })

  it('a queued retry and "Retry now" at the same moment send one email', async () => {
    const address = 'race@retries.example'
    smtp.refuse((rcpt) => rcpt === address, { times: 1 })
    const doc = await book(address)
    await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'retrying', 'retrying')
    await sleep(waitMs + 200)
    const [, manual] = await Promise.all([payload.jobs.run({ queue: 'default' }), retryNow(editor, doc.id, 'acknowledgement'), retryNow(editor, doc.id, 'acknowledgement')])
    expect([200, 409]).toContain(manual.status)
    await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'sent', 'sent')
    await sleep(300)
    expect(to(address)).toHaveLength(1)
  })

  it('the once-a-day rule is recorded as "not sent", with why', async () => {
    const address = 'daily@retries.example'
    await book(address)
    const second = await book(address)
    const ack = await waitForEmailRecord(second.id, 'acknowledgement', (value) => value?.status === 'not-sent', 'not sent')
    expect(describeEmail('acknowledgement', ack)).toBe('Acknowledgement: not sent — this address already had an acknowledgement in the last 24 hours (at most one a day)')
    await waitForEmailRecord(second.id, 'staffNotification', (value) => value?.status === 'sent', 'sent')
  })

  it('a failed staff notification is flagged on an editor’s dashboard, linking to the request; a marketer sees nothing of it', async () => {
    smtp.refuse((rcpt) => rcpt === staffAddress, { reply: 'mailbox full' })
    const doc = await book('told@retries.example', 'Privatename Person')
    const staffRecord = await waitForEmailRecord(doc.id, 'staffNotification', (value) => value?.status === 'retrying', 'retrying')
    expect(staffRecord?.reason).toBe('SMTP refused: 550 mailbox full')
    await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'sent', 'sent')

    const forEditor = await whatNeedsMe(await createLocalReq({ user: editor }, payload), '/admin')
    const flagged = forEditor.find((section) => section.key === 'emailFailures')
    expect(flagged?.count).toBe(1)
    expect(flagged?.items[0]?.href).toBe(`/admin/collections/appointment-requests/${doc.id}`)
    expect(flagged?.items[0]?.detail).toBe('SMTP refused: 550 mailbox full')
    expect(JSON.stringify(forEditor)).not.toContain('Privatename')

    const forMarketer = await whatNeedsMe(await createLocalReq({ user: marketer }, payload), '/admin')
    expect(forMarketer.map((section) => section.key)).not.toContain('emailFailures')
    const text = JSON.stringify(forMarketer)
    for (const personal of ['Privatename', 'told@retries', 'appointment-requests', 'mailbox full']) expect(text).not.toContain(personal)
    // And marketers still cannot read requests at all.
    await expect(payload.find({ collection: 'appointment-requests', user: marketer, overrideAccess: false })).rejects.toThrow()

    // Once it goes out, the flag is gone.
    smtp.clearRefusals()
    expect((await retryNow(editor, doc.id, 'staffNotification')).status).toBe(200)
    const after = await whatNeedsMe(await createLocalReq({ user: editor }, payload), '/admin')
    expect(after.find((section) => section.key === 'emailFailures')?.count).toBe(0)
  })

  it('a mail server that is down: the request is stored and both emails wait for a retry with the reason', async () => {
    await smtp.stop()
    const doc = await book('offline@retries.example')
    const staffRecord = await waitForEmailRecord(doc.id, 'staffNotification', (value) => value?.status === 'retrying', 'retrying')
    expect(staffRecord?.reason).toBe('SMTP server unreachable (ECONNREFUSED)')
    const ack = await waitForEmailRecord(doc.id, 'acknowledgement', (value) => value?.status === 'retrying', 'retrying')
    expect(ack?.reason).toBe('SMTP server unreachable (ECONNREFUSED)')
    expect((await payload.findByID({ collection: 'appointment-requests', id: doc.id, overrideAccess: true })).status).toBe('new')
  })
})
