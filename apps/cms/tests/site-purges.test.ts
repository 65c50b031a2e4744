// A purge the site does not confirm is not lost (src/lib/site-purge.ts): it is recorded with the
// write, and the CMS's queue calls the site again until it confirms. Before, a publish made while the
// site was restarting (a deploy) or down never reached it, and its cached pages kept the old content
// until some unrelated change purged them. The site here is a stand-in that can be stopped and
// started on its port (the real site's side is tested end to end in
// apps/web/tests/e2e/06-purge-while-site-down).
import { initTransaction, killTransaction, createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { firstRetryMs, longestRetryMs, sitePurgeTask } from '@/lib/site-purge-record'
import { testDatabase } from './helpers/database'
import { bootPayload, shutdownPayload } from './helpers/payload'
import { startSiteReceiver, type SiteReceiver } from './helpers/site-receiver'

const secret = 'site-purges-test-secret'
let payload: Payload
let site: SiteReceiver
let received: string[][]

beforeAll(async () => {
  site = await startSiteReceiver(secret)
  received = site.received
  payload = await bootPayload('site_purges', { url: site.url, revalidateSecret: secret })
})

afterAll(async () => {
  await shutdownPayload(payload)
  await site.down()
})

beforeEach(async () => {
  received.length = 0
  await site.up()
})

type Job = { id: number | string; input: { tags: string[]; attempt?: number }; waitUntil?: string | null; completedAt?: string | null }

/** Purges recorded and not delivered yet. */
async function pending(): Promise<Job[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: sitePurgeTask } }, { completedAt: { exists: false } }] },
    overrideAccess: true,
    depth: 0,
    limit: 100,
    sort: 'createdAt',
  })
  return docs as unknown as Job[]
}

/** The dashboard's "What needs you now", as a marketer sees it (every role publishes). */
async function dashboard() {
  const { whatNeedsMe } = await import('@/components/admin/NeedsYou/data')
  const user = await payload.create({ collection: 'users', overrideAccess: true, data: { email: `marketer-${Date.now().toString(36)}${counter++}@purges.example`, password: 'Quiet-harbour-lantern-2026!', role: 'marketer', name: 'Marketer' } as never })
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
  return whatNeedsMe(req, '/admin')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until `check` holds (the call at commit runs after the write returns), 10 s at most. */
async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > deadline) return
    await sleep(25)
  }
}

let counter = 0
const publishPage = async (title: string) => {
  counter += 1
  return payload.create({ collection: 'pages', overrideAccess: true, data: { title, slug: `purge-${Date.now().toString(36)}-${counter}`, layout: [{ blockType: 'hero', heading: title }], _status: 'published' } as never })
}
const pageTags = (slug: string) => expect.arrayContaining(['collection:pages', `doc:pages:${slug}`])

describe('a purge the site does not confirm', () => {
  it('a site that confirms at once: it is told once, and no record is left', async () => {
    const page = await publishPage('Told at once')
    await eventually(async () => received.length > 0 && (await pending()).length === 0)
    expect(received).toEqual([pageTags(String(page.slug))])
    expect(await pending()).toEqual([])
  })

  it('a site that is down during the publish: the publish succeeds, the purge waits in the queue, and reaches the site when it is back', async () => {
    await site.down()
    const before = Date.now()
    const page = await publishPage('Published while the site restarts')
    const published = await payload.findByID({ collection: 'pages', id: page.id, overrideAccess: true, depth: 0 })
    expect(published._status, 'the publish itself went through').toBe('published')

    // The call at commit fails (nothing listens): the record stays, for a retry after it.
    await sleep(500)
    const [job, ...more] = await pending()
    expect(job, 'a record of the purge').toBeDefined()
    expect(more).toEqual([])
    expect(job!.input.tags).toEqual(pageTags(String(page.slug)))
    expect(new Date(job!.waitUntil!).getTime()).toBeGreaterThanOrEqual(before + firstRetryMs)

    // The queue's attempt while the site is still down: one new record, a while later.
    await payload.jobs.runByID({ id: job!.id, silent: true })
    const retries = await pending()
    expect(retries, 'exactly one record still waits').toHaveLength(1)
    expect(retries[0]!.id).not.toBe(job!.id)
    expect(retries[0]!.input).toMatchObject({ tags: job!.input.tags, attempt: 2 })
    const wait = new Date(retries[0]!.waitUntil!).getTime() - Date.now()
    expect(wait, 'the next attempt waits longer').toBeGreaterThan(firstRetryMs)
    expect(wait, 'but at most a minute').toBeLessThanOrEqual(longestRetryMs)
    expect(received).toEqual([])

    // Staff are told on the dashboard: the change is saved, the site does not show it yet.
    const shown = (await dashboard()).find((section) => section.key === 'notOnSite')
    expect(shown, 'the dashboard says the site has not confirmed it').toMatchObject({ count: 1, items: [{ label: `pages: ${String(page.slug)}` }] })

    // The site is back: the next attempt is confirmed, and nothing is left to deliver.
    await site.up()
    await payload.jobs.runByID({ id: retries[0]!.id, silent: true })
    expect(received).toEqual([pageTags(String(page.slug))])
    expect(await pending()).toEqual([])
    expect((await dashboard()).map((section) => section.key), 'nothing left to say').not.toContain('notOnSite')
  })

  it('a site that stays down is called again for as long as it takes, at most a minute apart', async () => {
    await site.down()
    const page = await publishPage('Down for a long time')
    await eventually(async () => (await pending()).length === 1)
    for (let attempt = 2; attempt <= 6; attempt += 1) {
      const [job] = await pending()
      await payload.jobs.runByID({ id: job!.id, silent: true })
      const [next] = await pending()
      expect(next, `a record after attempt ${attempt}`).toBeDefined()
      expect(next!.input.attempt).toBe(attempt)
      expect(new Date(next!.waitUntil!).getTime() - Date.now()).toBeLessThanOrEqual(longestRetryMs)
    }
    await site.up()
    const [job] = await pending()
    await payload.jobs.runByID({ id: job!.id, silent: true })
    expect(received).toEqual([pageTags(String(page.slug))])
    expect(await pending()).toEqual([])
  })
})

describe('a purge at a time edge (the announcement window), while the site is down', () => {
  it('is kept and retried like a write\'s until the site confirms: the banner does not stay up, or away, for good', async () => {
    const endsAt = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    await payload.updateGlobal({ slug: 'announcement', data: { enabled: true, text: 'Closed on Monday', startsAt: null, endsAt }, overrideAccess: true })
    await eventually(async () => (await pending()).length === 0)
    received.length = 0
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'purgeAnnouncementAtEdge' } }, { completedAt: { exists: false } }] }, overrideAccess: true, depth: 0, sort: 'waitUntil' })
    const edge = docs[0]!
    // The edge comes while the site restarts.
    await site.down()
    await payload.db.updateOne({ collection: 'payload-jobs', id: edge.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } })
    await payload.jobs.runByID({ id: edge.id, silent: true })
    const [waiting, ...more] = await pending()
    expect(waiting?.input.tags, 'the edge\'s purge waits for the site').toEqual(['global:announcement'])
    expect(more).toEqual([])
    await site.up()
    await payload.jobs.runByID({ id: waiting!.id, silent: true })
    expect(received).toEqual([['global:announcement']])
    expect(await pending()).toEqual([])
  })
})

if (testDatabase === 'sqlite') {
  describe('a write that is rolled back (SQLite: one transaction per write)', () => {
    it('records no purge and calls the site for nothing', async () => {
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      const page = await payload.create({ collection: 'pages', overrideAccess: true, req, data: { title: 'Rolled back', slug: `rolled-back-${Date.now().toString(36)}`, layout: [{ blockType: 'hero', heading: 'Rolled back' }], _status: 'published' } as never })
      await killTransaction(req)
      await sleep(300)
      expect(await payload.find({ collection: 'pages', where: { id: { equals: page.id } }, overrideAccess: true, depth: 0 }).then((r) => r.totalDocs)).toBe(0)
      expect(await pending()).toEqual([])
      expect(received).toEqual([])
    })
  })
}
