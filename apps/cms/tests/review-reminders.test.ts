import { startSmtpServer, type TestSmtpServer } from '@clinic/test-support'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentData, daysAgo, supportingDocs, unique, type SupportingDocs } from './helpers/fixtures'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * The list of medical reviews that are overdue or due soon, the weekly job that emails it to
 * editors through a real SMTP server, and the reading grade stored on every save. Local API on a
 * database of this file's own; the CMS sends through the SMTP server this file starts.
 */

let payload: Payload
let smtp: TestSmtpServer
let support: SupportingDocs
let findReviewsDue: typeof import('@/lib/medical-review').findReviewsDue
let weeklyQueue: string

const day = 24 * 60 * 60 * 1000
const editorEmail = 'reviews-editor@test.example'
const adminEmail = 'reviews-admin@test.example'

/** Publishes a health document with a review done `reviewedDaysAgo` days ago. */
async function publish(collection: 'articles' | 'conditions' | 'exercises', title: string, reviewedDaysAgo: number) {
  const data = { ...contentData(collection, support), [collection === 'articles' ? 'title' : 'name']: title, reviewedAt: daysAgo(reviewedDaysAgo), _status: 'published' }
  return payload.create({ collection, data: data as never, overrideAccess: true })
}

/** A page whose review has since lapsed: published when it was current, then time passed (the stored date is moved back). */
async function publishedLongAgo(collection: 'articles' | 'conditions' | 'exercises', title: string, reviewedDaysAgo: number) {
  const doc = await publish(collection, title, 10)
  await payload.db.updateOne({ collection, id: doc.id, data: { reviewedAt: daysAgo(reviewedDaysAgo) } })
  return doc
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  Object.assign(process.env, smtp.env)
  payload = await bootPayload('review-reminders')
  ;({ findReviewsDue } = await import('@/lib/medical-review'))
  ;({ weeklyQueue } = await import('@/jobs/email-reviews-due'))
  support = await supportingDocs(payload)
  // The first account is always an admin; the editor comes second. Only editors get the email.
  for (const [email, role] of [[adminEmail, 'admin'], [editorEmail, 'editor']] as const) {
    await payload.create({ collection: 'users', data: { email, password: 'a-password-for-tests-123', name: role, role }, overrideAccess: true })
  }
})

afterAll(async () => {
  await shutdownPayload(payload)
  await smtp?.stop()
})

async function runWeeklyJob() {
  await payload.jobs.queue({ task: 'emailReviewsDue', input: {}, queue: weeklyQueue })
  const { jobStatus } = await payload.jobs.run({ queue: weeklyQueue })
  expect(Object.values(jobStatus ?? {})).toEqual([{ status: 'success' }])
}

describe('weekly email of medical reviews due', () => {
  it('sends nothing while every review is current', async () => {
    await publish('articles', unique('Fresh article'), 30)
    expect(await findReviewsDue(payload)).toEqual([])
    const before = smtp.messages.length
    await runWeeklyJob()
    // Give a stray message time to arrive before saying none did.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(smtp.messages.length).toBe(before)
  })

  it('lists overdue and due-soon pages, soonest first, and leaves out current ones', async () => {
    const overdue = await publishedLongAgo('conditions', unique('Overdue condition'), 400)
    const dueSoon = await publish('exercises', unique('Due soon exercise'), 350)
    await publish('articles', unique('Current article'), 200)
    const rows = await findReviewsDue(payload)
    expect(rows.map((row) => [row.collection, row.id, row.overdue])).toEqual([
      ['conditions', overdue.id, true],
      ['exercises', dueSoon.id, false],
    ])
    expect(new Date(rows[1]!.nextReviewDue!).getTime()).toBeGreaterThan(Date.now())
    expect(new Date(rows[1]!.nextReviewDue!).getTime()).toBeLessThan(Date.now() + 30 * day)
  })

  it('emails each editor the list, with a link to each document, through the SMTP server', async () => {
    const rows = await findReviewsDue(payload)
    expect(rows.length).toBeGreaterThan(0)
    await runWeeklyJob()
    const message = await smtp.waitForMessage((m) => m.envelopeTo.includes(editorEmail), { description: 'the weekly reviews-due email to the editor' })
    expect(message.subject).toMatch(/Medical reviews: 1 overdue, 1 due soon/)
    for (const row of rows) {
      expect(message.text).toContain(row.title)
      expect(message.text).toContain(`/admin/collections/${row.collection}/${row.id}`)
    }
    expect(message.text).toMatch(/OVERDUE: .*Overdue condition/)
    // Editors get it; the admin account does not.
    expect(smtp.messages.flatMap((m) => m.envelopeTo)).toEqual([editorEmail])
  })

  it('is scheduled weekly, on the queue the CMS polls', async () => {
    const task = payload.config.jobs.tasks?.find((t) => t.slug === 'emailReviewsDue')
    expect(task?.schedule).toEqual([{ cron: '0 7 * * 1', queue: weeklyQueue }])
    await payload.jobs.handleSchedules({ queue: weeklyQueue })
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'emailReviewsDue' } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    const waitUntil = new Date(String(docs[0]!.waitUntil))
    // The next Monday (local time of the server) at 07:00.
    expect(waitUntil.getDay()).toBe(1)
    expect([waitUntil.getHours(), waitUntil.getMinutes()]).toEqual([7, 0])
    expect(waitUntil.getTime() - Date.now()).toBeLessThanOrEqual(7 * day)
  })
})

describe('reading grade', () => {
  const plain = 'We rub the sore spot. It helps the muscle relax. You can walk home after.'
  const dense =
    'Comprehensive multidisciplinary rehabilitation incorporating neuromuscular re-education demonstrates considerable ' +
    'heterogeneity regarding musculoskeletal outcomes, necessitating individualised therapeutic prioritisation.'

  it('is worked out from the rich text on save, stored, and updated when the text changes', async () => {
    const { richText } = await import('./helpers/fixtures')
    const draft = await payload.create({
      collection: 'articles',
      draft: true,
      data: { ...contentData('articles', support), excerpt: 'Short words.', body: richText(plain), _status: 'draft' } as never,
      overrideAccess: true,
    })
    const easy = (await payload.findByID({ collection: 'articles', id: draft.id, draft: true, overrideAccess: true })).readingGrade
    expect(easy).toBeTypeOf('number')
    expect(easy!).toBeLessThanOrEqual(9)

    // Above the target is a warning for staff, never a refusal: it still publishes.
    const updated = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { body: richText(dense), _status: 'published' } as never,
      overrideAccess: true,
    })
    expect(updated._status).toBe('published')
    const stored = (await payload.findByID({ collection: 'articles', id: draft.id, overrideAccess: true })).readingGrade
    expect(stored!).toBeGreaterThan(9)
    expect(stored!).toBeGreaterThan(easy! + 5)
  })
})
