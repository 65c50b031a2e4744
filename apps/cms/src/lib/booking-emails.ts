import type { Endpoint, Payload, TaskConfig } from 'payload'
import type { AppointmentRequest, Service } from '@clinic/cms-types'
import { userIsEditorOrAdmin } from '@/access'
import { env } from '@/env'

/**
 * The two emails of a new appointment request, each tracked on the request (`emails` group):
 * whether it was sent, failed (with a short reason), is being retried (and when), or was not sent
 * on purpose (the once-a-day acknowledgement rule). A failed send is tried again from the job
 * queue after each wait of BOOKING_EMAIL_RETRY_DELAYS_MS (1, 5, 15, 60 min), then given up as
 * failed; staff can press "Retry now". A message that was sent is never sent again.
 */
export const emailKinds = ['staffNotification', 'acknowledgement'] as const
export type EmailKind = (typeof emailKinds)[number]
export type EmailStatus = 'sent' | 'failed' | 'retrying' | 'not-sent'
export type EmailRecord = {
  status?: EmailStatus | null
  reason?: string | null
  attempts?: number | null
  lastAttemptAt?: string | null
  nextAttemptAt?: string | null
}
type WithEmails = AppointmentRequest & { emails?: Partial<Record<EmailKind, EmailRecord | null>> | null }

export const kindLabel: Record<EmailKind, string> = { staffNotification: 'Staff notification', acknowledgement: 'Acknowledgement' }
const kindInLog: Record<EmailKind, string> = { staffNotification: 'staff notification', acknowledgement: 'acknowledgement' }

export const retryBookingEmailTask = 'retryBookingEmail'
const queue = 'default'

/** Attempts in all: the first send and one per wait. */
export const maxAttempts = (): number => env.bookingEmailRetryDelaysMs.length + 1

/**
 * A short reason a person can act on, without a stack, credentials or addresses: "SMTP refused:
 * 550 mailbox unavailable", "SMTP server unreachable (ECONNREFUSED)".
 */
export function emailFailureReason(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string } | null
  let reason: string
  if (e && typeof e.responseCode === 'number' && typeof e.response === 'string') reason = `SMTP refused: ${e.response}`
  else if (e && typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ESOCKET|ECONNECTION)$/.test(e.code)) {
    // Nodemailer reports a refused connection as ESOCKET: the system's own code is in the message.
    const system = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)\b/.exec(e.message ?? '')?.[1]
    reason = `SMTP server unreachable (${system ?? e.code})`
  }
  else if (e && typeof e.code === 'string' && e.code === 'EAUTH') reason = 'SMTP login refused (check SMTP_USER and SMTP_PASS)'
  else reason = (e && typeof e.message === 'string' ? e.message : String(error)) || 'unknown error'
  return (
    reason
      .split('\n')[0]!
      // No credentials from a URL, no addresses (personal data) in the reason or the log.
      .replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//')
      .replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, '<recipient>')
      .trim()
      .slice(0, 200)
  )
}

const serviceName = async (doc: AppointmentRequest, payload: Payload): Promise<string> => {
  const ref = doc.preferredService
  if (!ref) return 'Not sure yet'
  if (typeof ref === 'object') return (ref as Service).name
  try {
    const service = await payload.findByID({ collection: 'services', id: ref, depth: 0, overrideAccess: true })
    return service.name
  } catch {
    return `Service ${String(ref)}`
  }
}

/**
 * The message of one kind for a stored request, built from the request and the site settings at
 * the time of sending (a retry sends the same words). Staff get who, what, when and a link (never
 * the visitor's message); the visitor gets nothing they typed (not even their name).
 */
async function compose(doc: AppointmentRequest, kind: EmailKind, payload: Payload): Promise<{ to: string; subject: string; text: string }> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })
  const clinic = settings.clinicName
  const service = await serviceName(doc, payload)
  if (kind === 'staffNotification') {
    return {
      to: settings.bookingNotificationEmail || settings.email,
      subject: `New appointment request: ${doc.name}`,
      text: [
        `A new appointment request came in through the website.`,
        ``,
        `Name: ${doc.name}`,
        `Preferred service: ${service}`,
        `Preferred days and times: ${doc.preferredTimes}`,
        ``,
        `Open the request (contact details and message) in the admin:`,
        `${env.serverUrl}/admin/collections/appointment-requests/${doc.id}`,
        ``,
        `The visitor's message is only in the admin, never in email.`,
      ].join('\n'),
    }
  }
  return {
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
  }
}

async function record(payload: Payload, id: number | string, kind: EmailKind, value: EmailRecord): Promise<void> {
  await payload.update({
    collection: 'appointment-requests',
    id,
    data: { emails: { [kind]: value } } as never,
    depth: 0,
    overrideAccess: true,
    context: { skipBookingEmails: true },
  })
}

/** The retry jobs waiting for this request and kind (not the one running). */
async function pendingRetries(payload: Payload, id: number | string, kind: EmailKind): Promise<(number | string)[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: retryBookingEmailTask } }, { completedAt: { exists: false } }, { processing: { equals: false } }] },
    depth: 0,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
  })
  return docs
    .filter((job) => {
      const input = job.input as { request?: unknown; kind?: unknown } | null
      return String(input?.request) === String(id) && input?.kind === kind
    })
    .map((job) => job.id)
}

async function dropPendingRetries(payload: Payload, id: number | string, kind: EmailKind): Promise<void> {
  const ids = await pendingRetries(payload, id, kind)
  if (ids.length > 0) await payload.delete({ collection: 'payload-jobs', where: { id: { in: ids } }, overrideAccess: true })
}

/** Sends in progress in this process, by request and kind: one at a time, so a retry and a "Retry now" never both send. */
const inFlight = new Set<string>()

export type AttemptOutcome =
  | { result: 'sent'; attempts: number }
  | { result: 'failed'; reason: string; attempts: number; nextAttemptAt?: string }
  | { result: 'already-sent' | 'not-sent' | 'busy' | 'gone' }

/**
 * One attempt to send the request's email of `kind`, recorded on the request. Idempotent: an
 * email already sent (or not to be sent) is left alone. A failure queues the next retry while
 * attempts remain, otherwise it is recorded as failed for good.
 */
export async function attemptBookingEmail(payload: Payload, id: number | string, kind: EmailKind, how: 'first' | 'retry' | 'manual'): Promise<AttemptOutcome> {
  const key = `${String(id)}:${kind}`
  if (inFlight.has(key)) return { result: 'busy' }
  inFlight.add(key)
  try {
    const doc = (await payload.findByID({ collection: 'appointment-requests', id, depth: 0, overrideAccess: true, disableErrors: true })) as WithEmails | null
    if (!doc) return { result: 'gone' }
    const current = doc.emails?.[kind] ?? {}
    if (current.status === 'sent') return { result: 'already-sent' }
    if (current.status === 'not-sent') return { result: 'not-sent' }
    const attempts = (current.attempts ?? 0) + 1
    const total = maxAttempts()
    if (how !== 'first') {
      const which = attempts <= total ? `attempt ${attempts} of ${total}` : `attempt ${attempts}`
      payload.logger.warn(`Appointment request ${String(id)}: retrying the ${kindInLog[kind]} email (${how === 'manual' ? 'Retry now, ' : ''}${which}).`)
    }
    const now = new Date()
    try {
      const message = await compose(doc, kind, payload)
      await payload.sendEmail(message)
    } catch (error) {
      const reason = emailFailureReason(error)
      await dropPendingRetries(payload, id, kind)
      const wait = env.bookingEmailRetryDelaysMs[attempts - 1]
      if (wait !== undefined) {
        const next = new Date(Date.now() + wait)
        await payload.jobs.queue({ task: retryBookingEmailTask, input: { request: String(id), kind }, queue, waitUntil: next })
        await record(payload, id, kind, { status: 'retrying', reason, attempts, lastAttemptAt: now.toISOString(), nextAttemptAt: next.toISOString() })
        payload.logger.error(`Appointment request ${String(id)}: the ${kindInLog[kind]} email failed (${reason}); retrying at ${next.toISOString()} (attempt ${attempts + 1} of ${total}). The request is stored.`)
        return { result: 'failed', reason, attempts, nextAttemptAt: next.toISOString() }
      }
      await record(payload, id, kind, { status: 'failed', reason, attempts, lastAttemptAt: now.toISOString(), nextAttemptAt: null })
      payload.logger.error(`Appointment request ${String(id)}: the ${kindInLog[kind]} email failed (${reason}); no retries left after ${attempts} attempts. The request is stored.`)
      return { result: 'failed', reason, attempts }
    }
    await record(payload, id, kind, { status: 'sent', reason: null, attempts, lastAttemptAt: now.toISOString(), nextAttemptAt: null })
    await dropPendingRetries(payload, id, kind)
    if (attempts > 1) payload.logger.info(`Appointment request ${String(id)}: the ${kindInLog[kind]} email was sent on attempt ${attempts}.`)
    return { result: 'sent', attempts }
  } finally {
    inFlight.delete(key)
  }
}

/** Records that the acknowledgement is not sent on purpose, and why. */
export async function recordNotSent(payload: Payload, id: number | string, kind: EmailKind, reason: string): Promise<void> {
  await record(payload, id, kind, { status: 'not-sent', reason, attempts: 0, lastAttemptAt: new Date().toISOString(), nextAttemptAt: null })
}

/** The queued retry of one email. Its own failure is recorded on the request (and queues the next retry), so the job itself succeeds. */
export const retryBookingEmailTaskConfig: TaskConfig<{ input: { request: string; kind: string }; output: { result: string } }> = {
  slug: retryBookingEmailTask,
  label: 'Retry a failed booking email',
  inputSchema: [
    { name: 'request', type: 'text', required: true },
    { name: 'kind', type: 'text', required: true },
  ],
  retries: 2,
  outputSchema: [{ name: 'result', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    if (!emailKinds.includes(input.kind as EmailKind)) return { output: { result: 'unknown kind' } }
    const id = /^\d+$/.test(input.request) && req.payload.db.defaultIDType === 'number' ? Number(input.request) : input.request
    const outcome = await attemptBookingEmail(req.payload, id, input.kind as EmailKind, 'retry')
    return { output: { result: outcome.result } }
  },
}

const dateTime = (): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: env.clinicTimezone, timeZoneName: 'short' })

/** The record in plain words: "Acknowledgement: failed — SMTP refused: 550 mailbox unavailable · retrying at 6 Dec, 10:42 EST (attempt 2 of 5)". */
export function describeEmail(kind: EmailKind, value: EmailRecord | null | undefined): string {
  const label = kindLabel[kind]
  const at = (iso: string | null | undefined) => (iso ? dateTime().format(new Date(iso)) : 'an unknown time')
  const attempts = value?.attempts ?? 0
  switch (value?.status) {
    case 'sent':
      return `${label}: sent · ${at(value.lastAttemptAt)}${attempts > 1 ? ` (attempt ${attempts})` : ''}`
    case 'retrying':
      return `${label}: failed — ${value.reason ?? 'no reason given'} · retrying at ${at(value.nextAttemptAt)} (attempt ${attempts + 1} of ${Math.max(maxAttempts(), attempts + 1)})`
    case 'failed':
      return `${label}: failed — ${value.reason ?? 'no reason given'} · gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}, last at ${at(value.lastAttemptAt)}`
    case 'not-sent':
      return `${label}: not sent — ${value.reason ?? 'no reason given'}`
    default:
      return `${label}: not recorded (being sent, or a request from before emails were tracked)`
  }
}

/** POST /api/booking-emails/:id/:kind/retry — "Retry now" for a failed email (editors and admins). */
export const retryBookingEmailEndpoint: Endpoint = {
  path: '/booking-emails/:id/:kind/retry',
  method: 'post',
  handler: async (req) => {
    if (!req.user || !userIsEditorOrAdmin(req.user)) {
      return Response.json({ errors: [{ message: 'Only editors and admins can retry a booking email.' }] }, { status: 403 })
    }
    const kind = String(req.routeParams?.kind ?? '') as EmailKind
    if (!emailKinds.includes(kind)) return Response.json({ errors: [{ message: 'The email must be "staffNotification" or "acknowledgement".' }] }, { status: 400 })
    const rawId = String(req.routeParams?.id ?? '')
    const id = req.payload.db.defaultIDType === 'number' ? (/^\d{1,15}$/.test(rawId) ? Number(rawId) : undefined) : /^[0-9a-f]{24}$/i.test(rawId) ? rawId : undefined
    const doc = id === undefined ? null : ((await req.payload.findByID({ collection: 'appointment-requests', id, depth: 0, overrideAccess: true, disableErrors: true })) as WithEmails | null)
    if (!doc || id === undefined) return Response.json({ errors: [{ message: 'There is no appointment request with this number.' }] }, { status: 404 })
    const status = doc.emails?.[kind]?.status
    if (status !== 'failed' && status !== 'retrying') {
      return Response.json({ errors: [{ message: `Nothing to retry: ${describeEmail(kind, doc.emails?.[kind])}` }] }, { status: 409 })
    }
    const outcome = await attemptBookingEmail(req.payload, id, kind, 'manual')
    switch (outcome.result) {
      case 'sent':
      case 'already-sent':
        return Response.json({ message: `${kindLabel[kind]} sent.` })
      case 'busy':
        return Response.json({ errors: [{ message: 'This email is being sent right now. Reload the page in a moment.' }] }, { status: 409 })
      case 'failed':
        return Response.json({ errors: [{ message: `Sending failed again: ${outcome.reason}` }] }, { status: 502 })
      default:
        return Response.json({ errors: [{ message: 'There is nothing to send for this request.' }] }, { status: 409 })
    }
  },
}
