import type { PayloadRequest, Where } from 'payload'
import { contentCollections, type ContentCollectionSlug } from '@clinic/cms-types'

/** One row of "What is going out": what happens, to which document, when, and where to open it. */
export type GoingOutRow = {
  key: string
  what: string
  title: string
  collection: string
  href: string
  at: string | null
  /** For a failed scheduled change: why it failed, and the job to retry. */
  failure?: { reason: string; jobId: string }
}

const collectionLabel: Record<ContentCollectionSlug, string> = {
  articles: 'Article',
  services: 'Service',
  exercises: 'Exercise',
  conditions: 'Condition',
  pages: 'Page',
  team: 'Team member',
}

const isContent = (slug: string): slug is ContentCollectionSlug => (contentCollections as readonly string[]).includes(slug)

type Titled = { id: number | string; title?: string; name?: string; slug?: string; _status?: string }
const titleOf = (doc: Titled | undefined, fallback: string) => doc?.title ?? doc?.name ?? doc?.slug ?? fallback

/** Titles (latest draft) and published state of documents, by collection and id. */
async function describeDocs(req: PayloadRequest, collection: ContentCollectionSlug, ids: (number | string)[]) {
  if (ids.length === 0) return new Map<string, Titled>()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map((docs as Titled[]).map((doc) => [String(doc.id), doc]))
}

/** Scheduled publishes and unpublishes that have not run yet, soonest first. */
export async function scheduledChanges(req: PayloadRequest, adminRoute: string): Promise<GoingOutRow[]> {
  const { docs: jobs } = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    sort: 'waitUntil',
    limit: 200,
    depth: 0,
    overrideAccess: true,
    req,
  })
  type Input = { type?: 'publish' | 'unpublish'; doc?: { relationTo: string; value: number | string } }
  const byCollection = new Map<ContentCollectionSlug, (number | string)[]>()
  for (const job of jobs) {
    const doc = (job.input as Input | undefined)?.doc
    if (doc && isContent(doc.relationTo)) byCollection.set(doc.relationTo, [...(byCollection.get(doc.relationTo) ?? []), doc.value])
  }
  const described = new Map<string, Titled>()
  for (const [collection, ids] of byCollection) {
    for (const [id, doc] of await describeDocs(req, collection, ids)) described.set(`${collection}:${id}`, doc)
  }
  return jobs.flatMap((job) => {
    const input = job.input as Input | undefined
    const doc = input?.doc
    if (!doc || !isContent(doc.relationTo)) return []
    return [
      {
        key: `job-${job.id}`,
        what: input?.type === 'unpublish' ? 'Unpublish' : 'Publish',
        title: titleOf(described.get(`${doc.relationTo}:${doc.value}`), `#${doc.value}`),
        collection: collectionLabel[doc.relationTo],
        href: `${adminRoute}/collections/${doc.relationTo}/${doc.value}`,
        at: (job.waitUntil as string | null | undefined) ?? null,
      },
    ]
  })
}

/**
 * Scheduled publishes and unpublishes that failed at their minute, newest first, with the reason
 * in words (see lib/scheduled-publish). They stay here until retried or the schedule is deleted.
 */
export async function failedSchedules(req: PayloadRequest, adminRoute: string): Promise<GoingOutRow[]> {
  const { docs: jobs } = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { hasError: { equals: true } }] },
    sort: '-updatedAt',
    limit: 100,
    depth: 0,
    overrideAccess: true,
    req,
  })
  type Input = { type?: 'publish' | 'unpublish'; doc?: { relationTo: string; value: number | string } }
  const rows: GoingOutRow[] = []
  for (const job of jobs) {
    const input = job.input as Input | undefined
    const doc = input?.doc
    if (!doc || !isContent(doc.relationTo)) continue
    const described = await describeDocs(req, doc.relationTo, [doc.value])
    rows.push({
      key: `failed-${job.id}`,
      what: input?.type === 'unpublish' ? 'Unpublish failed' : 'Publish failed',
      title: titleOf(described.get(String(doc.value)), `#${doc.value}`),
      collection: collectionLabel[doc.relationTo],
      href: `${adminRoute}/collections/${doc.relationTo}/${doc.value}`,
      at: (job.waitUntil as string | null | undefined) ?? job.updatedAt ?? null,
      failure: { reason: (job.error as { message?: string } | null)?.message ?? 'The job failed without a reason.', jobId: String(job.id) },
    })
  }
  return rows
}

/** A document whose latest version is a draft. */
const latestIsDraft: Where = { and: [{ latest: { equals: true } }, { 'version._status': { equals: 'draft' } }] }

/**
 * Documents whose latest version is a draft: new ones, and published ones with changes not yet
 * published, last edited first: up to 50 of each collection, or the last `limit` in all.
 */
export async function unpublishedDrafts(req: PayloadRequest, adminRoute: string, limit?: number): Promise<GoingOutRow[]> {
  const rows: GoingOutRow[] = []
  for (const collection of contentCollections) {
    const { docs: versions } = await req.payload.findVersions({
      collection,
      where: latestIsDraft,
      sort: '-updatedAt',
      limit: limit ?? 50,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const parents = versions.map((version) => (typeof version.parent === 'object' ? (version.parent as Titled).id : version.parent))
    const published = await req.payload.find({
      collection,
      where: { and: [{ id: { in: parents } }, { _status: { equals: 'published' } }] },
      draft: false,
      depth: 0,
      limit: parents.length || 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const publishedIds = new Set(published.docs.map((doc) => String(doc.id)))
    versions.forEach((version, index) => {
      const id = parents[index]
      rows.push({
        key: `draft-${collection}-${id}`,
        what: publishedIds.has(String(id)) ? 'Changes not yet published' : 'New, never published',
        title: titleOf(version.version as Titled, `#${id}`),
        collection: collectionLabel[collection],
        href: `${adminRoute}/collections/${collection}/${id}`,
        at: version.updatedAt,
      })
    })
  }
  return rows.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '')).slice(0, limit)
}

/** How many documents have a draft waiting (count queries on the versions, however many there are). */
export async function countUnpublishedDrafts(req: PayloadRequest): Promise<number> {
  const counts = await Promise.all(
    contentCollections.map((collection) => req.payload.countVersions({ collection, where: latestIsDraft, overrideAccess: true, req })),
  )
  return counts.reduce((sum, { totalDocs }) => sum + totalDocs, 0)
}

/** Redirects created since the first of this month (UTC), newest first. */
export async function redirectsThisMonth(req: PayloadRequest, adminRoute: string, now = new Date()): Promise<GoingOutRow[]> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString()
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { createdAt: { greater_than_equal: monthStart } },
    sort: '-createdAt',
    limit: 200,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map((redirect) => ({
    key: `redirect-${redirect.id}`,
    what: `${redirect.type ?? '301'}${redirect.automatic ? ', added automatically' : ''}`,
    title: `${redirect.from} → ${redirect.destination ?? '(target not published)'}`,
    collection: 'Redirect',
    href: `${adminRoute}/collections/redirects/${redirect.id}`,
    at: redirect.createdAt,
  }))
}
