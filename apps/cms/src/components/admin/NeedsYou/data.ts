import type { PayloadRequest } from 'payload'
import type { AppointmentRequest } from '@clinic/cms-types'
import { userIsEditorOrAdmin, userIsStaff } from '@/access'
import { reviewsDue } from '@/lib/medical-review'
import { firstRetryMs, sitePurgeTask, type SitePurgeInput } from '@/lib/site-purge-record'
import { countUnpublishedDrafts, failedSchedules, scheduledChanges, unpublishedDrafts, type GoingOutRow } from '../GoingOut/data'

/** One line of the dashboard: what needs someone, how many, since when, and where to open it. */
export type NeedsYouItem = { label: string; href: string; detail?: string }
export type NeedsYouSection = { key: 'notOnSite' | 'requests' | 'emailFailures' | 'failures' | 'reviews' | 'scheduled' | 'drafts'; title: string; count: number; href: string; items: NeedsYouItem[] }

const shown = 5
const week = 7 * 24 * 60 * 60 * 1000

const rowItem = (row: GoingOutRow): NeedsYouItem => ({ label: `${row.what}: ${row.title}`, href: row.href, detail: row.failure?.reason ?? row.at ?? undefined })

/**
 * Requests whose staff notification failed (being retried or given up): the clinic may not know
 * of them. Editors and admins only (it is about appointment requests). Each by its number.
 */
async function staffNotificationFailures(req: PayloadRequest, adminRoute: string): Promise<NeedsYouSection> {
  const where = { 'emails.staffNotification.status': { in: ['failed', 'retrying'] } }
  const { docs, totalDocs } = await req.payload.find({
    collection: 'appointment-requests',
    where,
    sort: '-createdAt',
    limit: shown,
    depth: 0,
    overrideAccess: true,
    req,
    select: { emails: true },
  })
  return {
    key: 'emailFailures',
    title: 'Staff notification email failed',
    count: totalDocs,
    href: `${adminRoute}/collections/appointment-requests?where[emails.staffNotification.status][in]=failed,retrying`,
    items: docs.map((doc) => ({
      label: `request #${String(doc.id)}`,
      href: `${adminRoute}/collections/appointment-requests/${String(doc.id)}`,
      detail: (doc as AppointmentRequest).emails?.staffNotification?.reason ?? undefined,
    })),
  }
}

/** What a purge's tags are about, in staff's terms, and where to open it. */
function changeOf(tags: string[], adminRoute: string): { label: string; href: string } {
  const doc = tags.map((tag) => /^doc:([^:]+):(.+)$/.exec(tag)).find(Boolean)
  if (doc) return { label: `${doc[1]}: ${doc[2]}`, href: `${adminRoute}/collections/${doc[1]}?where[slug][equals]=${encodeURIComponent(doc[2]!)}` }
  const global = tags.map((tag) => /^global:(.+)$/.exec(tag)).find(Boolean)
  if (global) return { label: `${global[1]} (every page)`, href: `${adminRoute}/globals/${global[1]}` }
  const collection = tags.map((tag) => /^collection:(.+)$/.exec(tag)).find(Boolean)
  return collection ? { label: collection[1]!, href: `${adminRoute}/collections/${collection[1]}` } : { label: tags.join(', '), href: adminRoute }
}

/**
 * Changes saved (published, unpublished, deleted) that the public site has not confirmed yet
 * (lib/site-purge): it was down or refused, so it may still show the old content. The CMS keeps
 * telling it; this says so, so nobody believes the site shows a change it does not. Every role
 * publishes, so every role sees it; only while there is something to show.
 */
async function notOnSiteYet(req: PayloadRequest, adminRoute: string, now: Date): Promise<NeedsYouSection | undefined> {
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: sitePurgeTask } }, { completedAt: { exists: false } }] },
    sort: 'createdAt',
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  // A record is removed as soon as the site confirms, within a second: only one past its first
  // retry (or a retry itself) means the site has not confirmed.
  const late = docs.flatMap((job) => {
    const input = (job.input ?? {}) as Partial<SitePurgeInput>
    const since = input.since ?? String(job.createdAt)
    const overdue = (input.attempt ?? 1) >= 2 || now.getTime() - new Date(since).getTime() > firstRetryMs
    return overdue && Array.isArray(input.tags) ? [{ ...changeOf(input.tags, adminRoute), since }] : []
  })
  if (late.length === 0) return undefined
  const items = [...new Map(late.map((item) => [item.label, item])).values()].slice(0, shown)
  return {
    key: 'notOnSite',
    title: 'Saved, but the public site has not confirmed it yet (it may still show the old version; the CMS keeps telling it every minute, so check that the site is running)',
    count: late.length,
    href: items[0]!.href,
    items: items.map((item) => ({ label: item.label, href: item.href, detail: item.since })),
  }
}

/**
 * "What needs me now", by role. Editors and admins: appointment requests waiting (count and the
 * oldest; a request is identified by its number, never by name), failures, medical reviews
 * overdue or due soon, what goes out in the next 7 days, drafts waiting. Marketers: the same
 * without appointment requests at all (they may not read them, so not even a count).
 * Counts are count queries; lists are limited.
 */
export async function whatNeedsMe(req: PayloadRequest, adminRoute: string, now = new Date()): Promise<NeedsYouSection[]> {
  if (!userIsStaff(req.user)) return []
  const sections: NeedsYouSection[] = []
  const unconfirmed = await notOnSiteYet(req, adminRoute, now)
  if (unconfirmed) sections.push(unconfirmed)
  if (userIsEditorOrAdmin(req.user)) {
    const waiting = { status: { equals: 'new' } } as const
    const [{ totalDocs }, oldest] = await Promise.all([
      req.payload.count({ collection: 'appointment-requests', where: waiting, overrideAccess: true, req }),
      req.payload.find({ collection: 'appointment-requests', where: waiting, sort: 'createdAt', limit: shown, depth: 0, overrideAccess: true, req, select: { createdAt: true } }),
    ])
    sections.push({
      key: 'requests',
      title: 'Appointment requests waiting',
      count: totalDocs,
      href: `${adminRoute}/collections/appointment-requests?where[status][equals]=new`,
      items: oldest.docs.map((doc, index) => ({
        label: `${index === 0 ? 'Oldest: ' : ''}request #${String(doc.id)}`,
        href: `${adminRoute}/collections/appointment-requests/${String(doc.id)}`,
        detail: String(doc.createdAt),
      })),
    })
    sections.push(await staffNotificationFailures(req, adminRoute))
  }
  // At scale (10,000 articles) only counts and the first few rows are read.
  const [failed, scheduled, reviews, drafts, draftCount] = await Promise.all([
    failedSchedules(req, adminRoute),
    scheduledChanges(req, adminRoute),
    reviewsDue(req.payload, req, now, shown),
    unpublishedDrafts(req, adminRoute, shown),
    countUnpublishedDrafts(req),
  ])
  sections.push({ key: 'failures', title: 'Failed: did not go out', count: failed.length, href: `${adminRoute}/going-out`, items: failed.slice(0, shown).map(rowItem) })
  sections.push({
    key: 'reviews',
    title: 'Medical reviews overdue or due in 30 days',
    count: reviews.count,
    href: `${adminRoute}/reviews-due`,
    items: reviews.rows.map((row) => ({
      label: `${row.overdue ? 'Overdue' : 'Due soon'}: ${row.title || '(untitled)'}`,
      href: `${adminRoute}/collections/${row.collection}/${row.id}`,
      detail: row.nextReviewDue ?? undefined,
    })),
  })
  const soon = scheduled.filter((row) => row.at && new Date(row.at).getTime() <= now.getTime() + week)
  sections.push({ key: 'scheduled', title: 'Going out in the next 7 days', count: soon.length, href: `${adminRoute}/going-out`, items: soon.slice(0, shown).map(rowItem) })
  sections.push({ key: 'drafts', title: 'Drafts waiting to be published', count: draftCount, href: `${adminRoute}/going-out`, items: drafts.map(rowItem) })
  return sections
}
