import type { CollectionSlug, Payload, PayloadRequest, TaskConfig } from 'payload'

/** How many versions of each document are kept: the newest ones. */
export const versionsKept = 50

/**
 * The collections whose old versions this job removes: those that leave it to the job
 * (`versions.maxPerDoc: 0`, see collections/content-collection.ts).
 *
 * Payload's own pruning (a `maxPerDoc` above 0) runs inside every save: once a document has that many
 * versions, each publish first reads the oldest one to keep (the whole version, every block table
 * joined) and deletes what is older, before its commit. On SQLite that was 5-25 ms of each publish
 * of the flagship article, the slow tail of publish → visible on the site (issue 17). Here it
 * happens once a night instead, reading only dates.
 */
export function prunedCollections(payload: Payload): CollectionSlug[] {
  return Object.values(payload.collections)
    .filter(({ config }) => typeof config.versions === 'object' && config.versions.maxPerDoc === 0)
    .map(({ config }) => config.slug as CollectionSlug)
}

/**
 * Deletes every version but the `keep` newest of each document of the pruned collections, and says
 * how many it removed where. The document itself, its latest version (draft or published) and the
 * newest `keep` - 1 others are never touched.
 */
export async function pruneVersions(payload: Payload, { keep = versionsKept, req }: { keep?: number; req?: PayloadRequest } = {}): Promise<{ deleted: number }> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`pruneVersions: keep must be a whole number of at least 1 (got ${keep}).`)
  let deleted = 0
  for (const collection of prunedCollections(payload)) {
    let removedHere = 0
    // Every document, in batches (ids only), so a large archive is never loaded at once.
    for (let page = 1; ; page += 1) {
      const batch = await payload.find({ collection, depth: 0, limit: 100, page, select: {}, overrideAccess: true, req, draft: true })
      for (const doc of batch.docs) {
        const where = { parent: { equals: doc.id } }
        // The oldest version past the ones kept; dates only.
        const beyond = await payload.db.findVersions({ collection, where, sort: '-updatedAt', limit: 1, page: keep + 1, pagination: false, select: { updatedAt: true }, req })
        const cutoff = beyond.docs[0]?.updatedAt
        if (!cutoff) continue
        const old = { and: [where, { updatedAt: { less_than_equal: cutoff } }] }
        removedHere += (await payload.db.countVersions({ collection, where: old, req })).totalDocs
        await payload.db.deleteVersions({ collection, where: old, req })
      }
      if (!batch.hasNextPage) break
    }
    if (removedHere > 0) payload.logger.info(`Versions: removed ${removedHere} old version(s) of ${collection}, keeping the newest ${keep} of each document.`)
    deleted += removedHere
  }
  return { deleted }
}

/** The scheduled job: every night at 03:45 (server time), when nobody is publishing. */
export const pruneVersionsTask: TaskConfig<{ input: Record<string, never>; output: { deleted: number } }> = {
  slug: 'pruneOldVersions',
  label: 'Remove old versions (keeps the newest 50 of each document)',
  schedule: [{ cron: '0 45 3 * * *', queue: 'default' }],
  retries: 2,
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: await pruneVersions(req.payload, { req }) }),
}
