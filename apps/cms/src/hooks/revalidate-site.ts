import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, GlobalAfterChangeHook, PayloadRequest } from 'payload'
import {
  collectionTag,
  documentTag,
  globalTag,
  revalidateSecretHeader,
  type CollectionSlug,
  type GlobalSlug,
  type RevalidateRequest,
} from '@clinic/cms-types'
import { env } from '@/env'
import { afterCommit } from '@/lib/after-commit'

/**
 * Tells the site which cache tags to purge after content changes.
 *
 * The site's pages also show documents of *other* collections (an article embeds services and
 * exercises, a condition hub lists articles, services and exercises, pages hold services grids,
 * every page shows media), so a change purges the collection tags of the collections that show it.
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

let warnedNoSecret = false

/**
 * Sends the tags once the write is committed (never for a write that is rolled back: the site would
 * purge, fetch the old content and cache it again); a site that is down must never make a publish
 * fail, so errors are only logged.
 */
export async function sendRevalidation(tags: string[], req: PayloadRequest): Promise<void> {
  if (tags.length === 0 || req.context?.disableRevalidate) return
  await afterCommit(req, () => postRevalidation(tags, req))
}

/**
 * Sends the tags now. Answers whether the site confirmed the purge (a scheduled purge, which is no
 * write, retries when it did not).
 */
export async function postRevalidation(tags: string[], req: PayloadRequest): Promise<boolean> {
  // Bulk writes (the seed, a database import) pass this to skip one request per document.
  if (tags.length === 0 || req.context?.disableRevalidate) return true
  if (!env.siteRevalidateSecret) {
    if (!warnedNoSecret) req.payload.logger.warn('SITE_REVALIDATE_SECRET is not set: the site is not told about content changes.')
    warnedNoSecret = true
    return true
  }
  const body: RevalidateRequest = { tags: [...new Set(tags)] }
  try {
    const response = await fetch(new URL('/api/revalidate', env.siteUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [revalidateSecretHeader]: env.siteRevalidateSecret },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    })
    if (!response.ok) req.payload.logger.warn(`The site answered ${response.status} to a revalidation of ${body.tags.join(', ')}.`)
    return response.ok
  } catch (error) {
    req.payload.logger.warn(`Could not reach the site to revalidate ${body.tags.join(', ')}: ${String(error)}`)
    return false
  }
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
