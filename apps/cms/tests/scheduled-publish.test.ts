import { startSmtpServer, type TestSmtpServer } from '@clinic/test-support'
import { createLocalReq, type Payload, type PayloadRequest, type TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysAgo, richText, supportingDocs, unique, type SupportingDocs } from './helpers/fixtures'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * A scheduled publish never fails silently. Scheduling runs the publish as a dry run and refuses,
 * with the publish's own message, what could not go live; a schedule that still fails at its
 * minute (the reviewer's credential removed in between) keeps its reason, is listed in "What is
 * going out", is emailed once (to a real SMTP server) to whoever scheduled it and the editors, and
 * goes live when retried after the fix. Real database, real jobs, the admin's own server function.
 */

let payload: Payload
let smtp: TestSmtpServer
let support: SupportingDocs
let scheduler: TypedUser
let otherEditor: TypedUser
let uncredentialedId: number | string
// Imported once the SMTP server's address is in the environment (the CMS reads it when loaded).
let failedSchedules: typeof import('@/components/admin/GoingOut/data').failedSchedules
let checkedSchedulePublish: typeof import('@/lib/scheduled-publish').checkedSchedulePublish
let retryScheduledPublishEndpoint: typeof import('@/lib/scheduled-publish').retryScheduledPublishEndpoint

const password = 'Quiet-harbour-lantern-2026!'

async function editor(name: string): Promise<TypedUser> {
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: `${name}-${Date.now().toString(36)}@clinic.example`, password, role: 'editor', name } as never,
  })
  return { ...user, collection: 'users' } as unknown as TypedUser
}

async function requestAs(user: TypedUser): Promise<PayloadRequest> {
  return createLocalReq({ user }, payload)
}

async function draftArticle(reviewerId: number | string) {
  return payload.create({
    collection: 'articles',
    draft: true,
    overrideAccess: true,
    data: { title: unique('Scheduled article'), excerpt: 'Summary.', body: richText('Body.'), author: support.teamId, medicalReviewer: reviewerId, reviewedAt: daysAgo(5) } as never,
  })
}

async function schedule(user: TypedUser, articleId: number | string, date: Date) {
  const req = await requestAs(user)
  return (await checkedSchedulePublish({ type: 'publish', date, doc: { relationTo: 'articles', value: String(articleId) }, req } as never)) as {
    error?: string
    message?: string
  }
}

async function jobsFor(articleId: number | string) {
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, limit: 100, depth: 0, overrideAccess: true })
  return docs.filter((job) => String((job.input as { doc?: { value?: unknown } })?.doc?.value) === String(articleId))
}

async function retry(user: TypedUser, jobId: number | string) {
  const req = await requestAs(user)
  req.routeParams = { id: String(jobId) }
  const response = await retryScheduledPublishEndpoint.handler(req)
  return { status: response.status, body: (await response.json()) as { message?: string; errors?: { message: string }[] } }
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  Object.assign(process.env, smtp.env)
  payload = await bootPayload('scheduled-publish')
  ;({ failedSchedules } = await import('@/components/admin/GoingOut/data'))
  ;({ checkedSchedulePublish, retryScheduledPublishEndpoint } = await import('@/lib/scheduled-publish'))
  support = await supportingDocs(payload)
  const plain = await payload.create({
    collection: 'team',
    overrideAccess: true,
    data: { name: unique('Receptionist'), jobTitle: 'Receptionist', bio: 'Front desk.', _status: 'published' } as never,
  })
  uncredentialedId = plain.id
  scheduler = await editor('scheduler')
  otherEditor = await editor('colleague')
}, 120_000)

afterAll(async () => {
  await shutdownPayload(payload)
  await smtp?.stop()
})

describe('a schedule is checked when it is made', () => {
  it('refuses a schedule that could not publish, with the publish message, and queues nothing', async () => {
    const article = await draftArticle(uncredentialedId)
    const result = await schedule(scheduler, article.id, new Date(Date.now() + 60 * 60 * 1000))
    expect(result.error).toMatch(/cannot be published without a current medical review/)
    expect(result.error).toMatch(/no clinical credential/)
    // The same words a publish gives (REST answers them through explainRefusedPublish).
    await expect(
      payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } as never, overrideAccess: false, user: scheduler }),
    ).rejects.toThrow(/Medical Reviewer/)
    expect(await jobsFor(article.id)).toHaveLength(0)
    // The dry run wrote nothing: the article is still an unpublished draft.
    const after = await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true, draft: false })
    expect(after._status).toBe('draft')
  })

  it('accepts a schedule that can publish', async () => {
    const article = await draftArticle(support.reviewerId)
    const result = await schedule(scheduler, article.id, new Date(Date.now() + 60 * 60 * 1000))
    expect(result.error).toBeUndefined()
    expect(await jobsFor(article.id)).toHaveLength(1)
    // The check ran the publish as a dry run: nothing went live before its time, no version was added.
    const live = await payload.find({ collection: 'articles', where: { id: { equals: article.id } }, overrideAccess: true, draft: false, depth: 0 })
    expect(live.docs[0]?._status, 'the article is still a draft until its time').toBe('draft')
    const versions = await payload.findVersions({ collection: 'articles', where: { parent: { equals: article.id } }, overrideAccess: true, depth: 0 })
    expect(versions.docs.filter((version) => (version.version as { _status?: string })._status === 'published')).toHaveLength(0)
  })
})

describe('a scheduled publish that fails later', () => {
  it('stays visible with its reason, is emailed once, and goes live when retried after the fix', async () => {
    const reviewer = await payload.create({
      collection: 'team',
      overrideAccess: true,
      data: {
        name: unique('Physio'),
        jobTitle: 'Physiotherapist',
        bio: 'Reviews.',
        clinicalCredentials: [{ credential: 'Registered physiotherapist', category: 'license' }],
        _status: 'published',
      } as never,
    })
    const article = await draftArticle(reviewer.id)
    expect((await schedule(scheduler, article.id, new Date(Date.now() + 2000))).error).toBeUndefined()
    // The credential is removed in between.
    await payload.update({ collection: 'team', id: reviewer.id, overrideAccess: true, data: { clinicalCredentials: [] } as never })
    const [job] = await jobsFor(article.id)
    await payload.update({ collection: 'payload-jobs', id: job!.id, overrideAccess: true, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } as never })
    await payload.jobs.run()

    const failed = await payload.findByID({ collection: 'payload-jobs', id: job!.id, overrideAccess: true, depth: 0 })
    expect(failed.hasError).toBe(true)
    expect((failed.error as { message?: string }).message).toMatch(/cannot be published without a current medical review.*no clinical credential/)

    // Listed in "What is going out", with the reason and a link to the document.
    const rows = await failedSchedules(await requestAs(scheduler), '/admin')
    const row = rows.find((entry) => entry.failure?.jobId === String(job!.id))
    expect(row?.failure?.reason).toMatch(/no clinical credential/)
    expect(row?.href).toBe(`/admin/collections/articles/${article.id}`)

    // Emailed to whoever scheduled it and to the other editors, once.
    const mail = await smtp.waitForMessage((message) => /Scheduled publish failed/.test(message.subject ?? ''), { description: 'the failed-schedule email' })
    expect(mail.envelopeTo).toEqual(expect.arrayContaining([scheduler.email, otherEditor.email]))
    expect(mail.text).toContain(`/admin/collections/articles/${article.id}`)
    await payload.jobs.run()
    expect(smtp.messages.filter((message) => /Scheduled publish failed/.test(message.subject ?? ''))).toHaveLength(1)

    // A retry before the fix is refused with the reason; after the fix it publishes.
    const early = await retry(scheduler, job!.id)
    expect(early.status).toBe(400)
    expect(early.body.errors?.[0]?.message).toMatch(/no clinical credential/)
    await payload.update({
      collection: 'team',
      id: reviewer.id,
      overrideAccess: true,
      data: { clinicalCredentials: [{ credential: 'Registered physiotherapist', category: 'license' }] } as never,
    })
    const fixed = await retry(scheduler, job!.id)
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
    const live = await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true, draft: false })
    expect(live._status).toBe('published')
    expect((await failedSchedules(await requestAs(scheduler), '/admin')).some((entry) => entry.failure?.jobId === String(job!.id))).toBe(false)
  }, 120_000)
})
