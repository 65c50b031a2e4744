import type { GlobalAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'
import { globalTag } from '@clinic/cms-types'
import { postRevalidation } from '@/hooks/revalidate-site'

/**
 * The announcement's window (startsAt, endsAt) is checked when the site renders a page, and pages
 * stay cached until the CMS names one of their tags. Nothing renders at the edges by itself, so at
 * each future edge the CMS purges the announcement's tag (every page shows the banner), from its
 * job queue: the job is stored in the database (it survives a restart) and runs on the queue's
 * cron (JOBS_AUTORUN_CRON, every minute by default: at most a minute late). Purging one tag at two
 * moments costs nothing between them, unlike a time-based revalidation of every page.
 */
export const announcementEdgeTask = 'purgeAnnouncementAtEdge'
const queue = 'default'

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
 * Replaces the pending edge jobs with one per future edge of the saved announcement. Idempotent:
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
    await req.payload.jobs.queue({ task: announcementEdgeTask, input: { edge }, queue, waitUntil: new Date(edge), req })
  }
  return edges
}

/** afterChange of the announcement global. */
export const scheduleAnnouncementEdgesAfterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await scheduleAnnouncementEdges(doc as Edges, req)
  return doc
}

/** The job: purge the announcement's tag; a site that did not confirm it is tried again. */
export const announcementEdgeTaskConfig: TaskConfig<{ input: { edge: string }; output: Record<string, never> }> = {
  slug: announcementEdgeTask,
  label: 'Show or hide the announcement at its start or end',
  inputSchema: [{ name: 'edge', type: 'text', required: true }],
  retries: 5,
  handler: async ({ input, req }) => {
    if (!(await postRevalidation([globalTag('announcement')], req))) {
      throw new Error(`The site did not confirm the announcement purge for the edge at ${input.edge}.`)
    }
    req.payload.logger.info(`Announcement: purged the site's pages at the window's edge ${input.edge}.`)
    return { output: {} }
  },
}
