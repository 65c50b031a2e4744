import type { GlobalAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'
import { globalTag } from '@clinic/cms-types'
import { purgeUntilConfirmed } from '@/lib/site-purge'

/**
 * The announcement's window (startsAt, endsAt) is checked when the site renders a page, and pages
 * stay cached until the CMS names one of their tags. Nothing renders at the edges by itself, so at
 * each future edge the CMS purges the announcement's tag (every page shows the banner), from its
 * job queue: the job is stored in the database (it survives a restart) and runs on its own queue,
 * polled every 5 seconds (`announcementEdgeCron`: a window may start at any second, and the
 * minute-by-minute queue of scheduled publishing could be up to a minute late for it).
 *
 * Whether the banner shows is decided by the CMS's clock: the announcement's `showingNow`, worked out
 * on every read (globals/Announcement.ts), is what the site shows, so a site instance whose clock
 * runs behind or ahead still re-renders on the right side of the edge (e2e 06-announcement-clock).
 * Each edge is purged twice: at the edge, and `settleMs` after it, for a page whose render began
 * before the first purge and was stored after it. Purging one tag at a few moments costs nothing
 * between them, unlike a time-based revalidation of every page.
 */
export const announcementEdgeTask = 'purgeAnnouncementAtEdge'
export const announcementEdgeQueue = 'announcement-edges'
/** Six fields, seconds first: every 5 seconds. One indexed query when nothing is due. */
export const announcementEdgeCron = '*/5 * * * * *'
/** The second purge of each edge, for a render that straddled the first. */
export const settleMs = 20_000
const queue = announcementEdgeQueue

type Edges = { startsAt?: string | null; endsAt?: string | null }

/** The window's edges still ahead of `now`, in order, without repeats. */
export function futureEdges(announcement: Edges, now: Date): string[] {
  const edges = [announcement.startsAt, announcement.endsAt]
    .filter((value): value is string => Boolean(value))
    .map((value) => new Date(value))
    .filter((date) => !Number.isNaN(date.getTime()) && date > now)
    .map((date) => date.toISOString())
  return [...new Set(edges)].sort()
}

/**
 * Replaces the pending edge jobs with two per future edge of the saved announcement (at the edge and
 * `settleMs` after it). Idempotent:
 * saving the same window twice leaves the same jobs; a changed or cleared window drops the old ones.
 */
export async function scheduleAnnouncementEdges(announcement: Edges, req: PayloadRequest, now = new Date()): Promise<string[]> {
  await req.payload.delete({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: announcementEdgeTask } }, { completedAt: { exists: false } }, { processing: { equals: false } }] },
    overrideAccess: true,
    req,
  })
  const edges = futureEdges(announcement, now)
  for (const edge of edges) {
    const at = new Date(edge)
    await req.payload.jobs.queue({ task: announcementEdgeTask, input: { edge }, queue, waitUntil: at, req })
    await req.payload.jobs.queue({ task: announcementEdgeTask, input: { edge }, queue, waitUntil: new Date(at.getTime() + settleMs), req })
  }
  return edges
}

/** afterChange of the announcement global. */
export const scheduleAnnouncementEdgesAfterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await scheduleAnnouncementEdges(doc as Edges, req)
  return doc
}

/**
 * The job: purge the announcement's tag. A site that does not confirm it (down, restarting) is told
 * again from the site-purge queue until it does (lib/site-purge), as for a write: a banner must not
 * stay up, or stay away, because the site was restarting at its edge.
 */
export const announcementEdgeTaskConfig: TaskConfig<{ input: { edge: string }; output: Record<string, never> }> = {
  slug: announcementEdgeTask,
  label: 'Show or hide the announcement at its start or end',
  inputSchema: [{ name: 'edge', type: 'text', required: true }],
  // Only for a fault of the job itself (the database busy): the site's own retries are queued.
  retries: 2,
  handler: async ({ input, req }) => {
    if (await purgeUntilConfirmed([globalTag('announcement')], req)) {
      req.payload.logger.info(`Announcement: purged the site's pages at the window's edge ${input.edge}.`)
    } else {
      req.payload.logger.warn(`Announcement: the site did not confirm the purge at the window's edge ${input.edge}; it is told again until it does.`)
    }
    return { output: {} }
  },
}
