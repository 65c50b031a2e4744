import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, GlobalAfterChangeHook } from 'payload'
import { collectionTag, documentTag, globalTag, type CollectionSlug, type GlobalSlug } from '@clinic/cms-types'
import { sendRevalidation } from '@/lib/site-purge'

/**
 * Tells the site which cache tags to purge after content changes.
 *
 * The site's pages also show documents of *other* collections (an article embeds services and
 * exercises, a condition hub lists articles, services and exercises, pages hold services grids,
 * every page shows media), so a change purges the collection tags of the collections that show it.
 * The call itself, and its retries until the site confirms, are in lib/site-purge.
 */
const shownIn: Partial<Record<CollectionSlug, CollectionSlug[]>> = {
  articles: ['conditions'],
  services: ['articles', 'conditions', 'pages', 'exercises'],
  exercises: ['articles', 'conditions'],
  conditions: ['articles', 'services', 'exercises'],
  team: ['articles'],
  media: ['articles', 'services', 'exercises', 'conditions', 'pages', 'team'],
  pages: [],
}

function tagsFor(collection: CollectionSlug, slugs: (string | null | undefined)[]): string[] {
  return [
    collectionTag(collection),
    ...slugs.filter((slug): slug is string => Boolean(slug)).map((slug) => documentTag(collection, slug)),
    ...(shownIn[collection] ?? []).map(collectionTag),
  ]
}

type Versioned = { slug?: string | null; _status?: 'draft' | 'published' | null }

const liveSlugKey = (collection: string, id: number | string) => `revalidateLiveSlugBefore:${collection}:${String(id)}`

/**
 * beforeOperation for content collections: notes the slug the public sees before an update that
 * can change it (a publish or an unpublish, i.e. any update that is not a draft save). Payload
 * hands afterChange the *latest version* as `previousDoc`, which is the latest draft when one
 * exists: after "draft with slug b, then publish with slug c" it says b, while the site still
 * holds the page at the published slug a. Only the collection's own row holds what is live.
 */
export const rememberLiveSlug: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'update' || !collection.versions?.drafts) return args
  const { draft, id } = args as { draft?: boolean; id?: number | string }
  if (draft || id === undefined) return args
  // Only the two fields it needs: the whole document (every block, array and relation joined) cost
  // several milliseconds of the publish → visible time on a long article (issue 17).
  const live = await req.payload.db.findOne<Versioned & { id: number | string }>({
    collection: collection.slug,
    where: { id: { equals: id } },
    select: { slug: true, _status: true },
    req,
  })
  req.context[liveSlugKey(collection.slug, id)] = live?._status === 'published' ? (live.slug ?? null) : null
  return args
}

/**
 * afterChange for content collections and media. Purges on publish, on unpublish (published →
 * draft) and on a slug change of a published document; a draft save or autosave changes nothing
 * the public sees, so it sends nothing.
 */
export const revalidateSiteAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  const current = doc as Versioned
  const previous = (previousDoc ?? {}) as Versioned
  const hasDrafts = Boolean(collection.versions?.drafts)
  const published = !hasDrafts || current._status === 'published'
  const wasPublished = !hasDrafts || previous._status === 'published'
  // The slug that was live before this change (rememberLiveSlug); the previous version's slug when
  // the update did not go through it (a bulk update).
  const key = liveSlugKey(collection.slug, (doc as { id: number | string }).id)
  const remembered = key in req.context
  const liveBefore = remembered ? (req.context[key] as string | null) : previous.slug
  delete req.context[key]
  if (!published && !wasPublished && !(remembered && liveBefore)) return doc
  await sendRevalidation(tagsFor(collection.slug as CollectionSlug, [current.slug, liveBefore]), req)
  return doc
}

/** afterDelete for content collections and media. */
export const revalidateSiteAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await sendRevalidation(tagsFor(collection.slug as CollectionSlug, [(doc as Versioned).slug]), req)
  return doc
}

/** afterChange for globals (site settings, navigation, announcement): they appear on every page. */
export const revalidateSiteAfterGlobalChange: GlobalAfterChangeHook = async ({ global, doc, req }) => {
  await sendRevalidation([globalTag(global.slug as GlobalSlug)], req)
  return doc
}
