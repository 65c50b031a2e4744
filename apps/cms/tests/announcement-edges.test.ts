import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * The announcement's window edges are purged from the CMS's job queue (jobs/announcement-edges.ts):
 * saving the announcement leaves exactly two pending jobs per future edge (at it and 20 s after), stored in the database (so
 * a restart keeps them), and a due one runs. The site's side (the banner appearing and going on
 * cached pages) is tested end to end in apps/web/tests/e2e/06-shared-cache.
 */

let payload: Payload
const task = 'purgeAnnouncementAtEdge'
const hour = 60 * 60 * 1000

beforeAll(async () => {
  payload = await bootPayload('announcement-edges')
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const at = (ms: number) => new Date(Date.now() + ms).toISOString()

async function saveAnnouncement(data: { enabled?: boolean; startsAt?: string | null; endsAt?: string | null }) {
  await payload.updateGlobal({ slug: 'announcement', data: { enabled: true, text: 'Closed for the holidays', ...data }, overrideAccess: true })
}

const settleMs = 20_000
/** The two purges of each edge: at it, and 20 s after (for a render that straddled the first). */
const purgesOf = (...edges: string[]) => edges.flatMap((edge) => [edge, new Date(new Date(edge).getTime() + settleMs).toISOString()]).sort()

async function pendingEdges(): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: task } }, { completedAt: { exists: false } }] },
    overrideAccess: true,
    depth: 0,
    limit: 100,
  })
  return docs.map((job) => new Date(String(job.waitUntil)).toISOString()).sort()
}

describe('the announcement window on the job queue', () => {
  it('queues a purge at each future edge and one 20 s after it, and the same ones again when saved unchanged', async () => {
    const [startsAt, endsAt] = [at(hour), at(2 * hour)]
    await saveAnnouncement({ startsAt, endsAt })
    expect(await pendingEdges()).toEqual(purgesOf(startsAt, endsAt))
    await saveAnnouncement({ startsAt, endsAt })
    expect(await pendingEdges()).toEqual(purgesOf(startsAt, endsAt))
  })

  it('a changed window replaces the pending purges; edges already past get none', async () => {
    const endsAt = at(3 * hour)
    await saveAnnouncement({ startsAt: at(-hour), endsAt })
    expect(await pendingEdges()).toEqual(purgesOf(endsAt))
    await saveAnnouncement({ startsAt: null, endsAt: null })
    expect(await pendingEdges()).toEqual([])
  })

  it('a due purge runs from its own queue (polled every few seconds, not every minute) and completes', async () => {
    const endsAt = at(hour)
    await saveAnnouncement({ startsAt: null, endsAt })
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: task } }, overrideAccess: true, depth: 0, sort: 'waitUntil' })
    const job = docs.find((doc) => !doc.completedAt)!
    expect(job.queue).toBe('announcement-edges')
    // Time passes: the edge is now behind us (the settling purge 20 s later is not due yet).
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { waitUntil: at(-1000) } })
    // Scheduled publishing's minute-by-minute queue does not run it.
    const other = (await payload.jobs.run({ queue: 'default' })) as { jobStatus?: Record<string, { status: string }> }
    expect(other.jobStatus?.[String(job.id)]).toBeUndefined()
    const result = (await payload.jobs.run({ queue: 'announcement-edges' })) as { jobStatus?: Record<string, { status: string }> }
    expect(result.jobStatus?.[String(job.id)]).toEqual({ status: 'success' })
    // A completed job is removed from the queue (Payload's default); a failed one would stay to be retried.
    expect(await pendingEdges()).toEqual([new Date(new Date(endsAt).getTime() + settleMs).toISOString()])
  })

  it('says whether the banner shows now, by the CMS\'s clock, on every read (the site shows what it says)', async () => {
    const showingNow = async () => (await payload.findGlobal({ slug: 'announcement', overrideAccess: true })).showingNow
    await saveAnnouncement({ startsAt: at(-hour), endsAt: at(hour) })
    expect(await showingNow()).toBe(true)
    await saveAnnouncement({ startsAt: at(hour), endsAt: at(2 * hour) })
    expect(await showingNow()).toBe(false)
    await saveAnnouncement({ startsAt: at(-2 * hour), endsAt: at(-hour) })
    expect(await showingNow()).toBe(false)
    // Its start passes between two reads, with nothing saved: the next read says so.
    await saveAnnouncement({ startsAt: at(1500), endsAt: at(hour) })
    expect(await showingNow()).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 1600))
    expect(await showingNow()).toBe(true)
    await payload.updateGlobal({ slug: 'announcement', data: { enabled: false }, overrideAccess: true })
    expect(await showingNow()).toBe(false)
    // Not a stored value: the REST API ignores one sent with a save.
    await payload.updateGlobal({ slug: 'announcement', data: { enabled: false, showingNow: true } as never, overrideAccess: true })
    expect(await showingNow()).toBe(false)
  })
})
