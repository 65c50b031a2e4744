import { collectionSlugs } from '@clinic/cms-types'
import { env } from '@/env'
import { onPurge } from '@/lib/purge-bus'

/**
 * The published slugs of the routed collections, so that an address no document has
 * (`/articles/<made-up>`) is answered with the 404 page at once, by the proxy, instead of a full
 * render each (issue 18: 2,000 random slugs took the one JavaScript thread from every other
 * visitor and pushed the site's memory over budget).
 *
 * When in doubt, the page renders as before: the proxy refuses only a slug that is neither in a
 * set read from the CMS nor named by a purge since that read. So a document published a moment ago
 * shows at once: the purge that announces it (this instance's revalidation, or the purge bus from
 * another instance) names its tag `doc:<collection>:<slug>` before anyone can ask for it, and its
 * slug is treated as known until the next read. The set is read again every few minutes, after the
 * purge bus reconnects (a purge may have been missed) and never while the CMS is unreachable (the
 * pages then render from the cache, as before).
 *
 * A publish purges the whole collection, and a burst of junk often follows one (or arrives while
 * one is being read): the set is read again at once, in the background, and until that read is in
 * (at most `staleGraceMs`) the previous set, with the slugs the purges named, still answers. It
 * cannot miss a new document: the purge that announces one names its slug. Not after "everything"
 * (a purge may have been missed): then every address renders until a read that began after it.
 */

export const gatedCollections = ['articles', 'services', 'exercises', 'conditions', 'pages'] as const
export type GatedCollection = (typeof gatedCollections)[number]

/** The address the proxy asks this server for its 404 page (no route has it). */
export const notFoundAddress = '/__clinic-not-found'

const pageSize = 100
/** A bound on one read: 200 pages of 100 slugs per collection. */
const maxPages = 200
const maxAgeMs = 10 * 60_000
const retryAfterMs = 30_000
/** How long the previous set keeps answering after a purge (or its age) made it stale, while it is read again. */
export const staleGraceMs = 15_000
/** One page of the read: the CMS may be busy (a flood is when this matters), the read is in the background. */
const readTimeoutMs = 10_000

type CollectionState = {
  /** The slugs read from the CMS; undefined until the first read succeeds. */
  slugs?: Set<string>
  /** Slugs named by purges since the last read began: treated as known. */
  purged: Set<string>
  loadedAt: number
  /** Bumped by "everything" (a reconnect): a read started before it does not count as fresh. */
  generation: number
  loadedGeneration: number
  /** When a purge first made the set stale (undefined while it is current). */
  staleSince?: number
  /** The generation of the last "everything": a set read before it is never used stale. */
  untrustedBefore: number
  loading?: Promise<void>
  unreachableUntil: number
}

type State = Record<GatedCollection, CollectionState>

const holder = globalThis as { __clinicKnownSlugs?: State; __clinicKnownSlugsListening?: boolean }

function state(): State {
  holder.__clinicKnownSlugs ??= Object.fromEntries(
    gatedCollections.map((collection) => [
      collection,
      { purged: new Set<string>(), loadedAt: 0, generation: 0, loadedGeneration: -1, untrustedBefore: 0, unreachableUntil: 0 },
    ]),
  ) as State
  return holder.__clinicKnownSlugs
}

const isGated = (collection: string): collection is GatedCollection => (gatedCollections as readonly string[]).includes(collection)

/**
 * Takes note of purged tags: `doc:<collection>:<slug>` makes that slug known until the next read;
 * `collection:<collection>` or "everything" asks for a new read, started at once for a collection
 * read before (the purged slugs stay known meanwhile).
 */
export function noteKnownSlugPurges(tags: readonly string[] | 'everything', read: SlugReader = readPublishedSlugs, now = Date.now()): void {
  const current = state()
  const stale = new Set<GatedCollection>()
  if (tags === 'everything') {
    for (const collection of gatedCollections) {
      const entry = current[collection]
      entry.generation++
      entry.untrustedBefore = entry.generation
      stale.add(collection)
    }
  } else {
    for (const tag of tags) {
      const doc = /^doc:([^:]+):(.+)$/.exec(tag)
      if (doc && isGated(doc[1]!)) current[doc[1]].purged.add(doc[2]!)
      const whole = /^collection:(.+)$/.exec(tag)
      if (whole && isGated(whole[1]!)) {
        current[whole[1]].generation++
        stale.add(whole[1])
      }
    }
  }
  for (const collection of stale) {
    const entry = current[collection]
    entry.staleSince ??= now
    // Read again now, before the junk that may follow asks: a collection never read is read on its first request.
    if (entry.slugs !== undefined && now >= entry.unreachableUntil) refresh(collection, read)
  }
}

function followPurges(): void {
  if (holder.__clinicKnownSlugsListening) return
  holder.__clinicKnownSlugsListening = true
  onPurge((tags) => noteKnownSlugPurges(tags))
}

export type SlugReader = (collection: GatedCollection) => Promise<Set<string>>

/** Every published slug of a collection, read page by page (the CMS serves anonymous callers 100 a page). */
export const readPublishedSlugs: SlugReader = async (collection) => {
  const slugs = new Set<string>()
  for (let page = 1; page <= maxPages; page++) {
    const url = new URL(`/api/${collectionSlugs[collection]}`, env.cmsUrl)
    url.searchParams.set('limit', String(pageSize))
    url.searchParams.set('page', String(page))
    url.searchParams.set('sort', 'id')
    url.searchParams.set('depth', '0')
    url.searchParams.set('select[slug]', 'true')
    const response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(readTimeoutMs) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const body = (await response.json()) as { docs: { slug?: string | null }[]; hasNextPage?: boolean }
    for (const doc of body.docs) if (typeof doc.slug === 'string') slugs.add(doc.slug)
    if (!body.hasNextPage) return slugs
  }
  // More than the bound: not a complete list, so never used to refuse anything.
  throw new Error(`more than ${maxPages * pageSize} documents`)
}

function refresh(collection: GatedCollection, read: SlugReader): void {
  const entry = state()[collection]
  if (entry.loading) return
  const generation = entry.generation
  // Purges from now on are kept; the ones before this read began are in what it reads.
  const purgedBefore = new Set(entry.purged)
  entry.loading = read(collection)
    .then((slugs) => {
      entry.slugs = slugs
      entry.loadedAt = Date.now()
      entry.loadedGeneration = generation
      for (const slug of purgedBefore) entry.purged.delete(slug)
      // A purge during the read leaves the set stale (read again on the next request), since then.
      entry.staleSince = entry.generation === generation ? undefined : entry.loadedAt
    })
    .catch((error: unknown) => {
      entry.unreachableUntil = Date.now() + retryAfterMs
      console.warn(`[known-slugs] could not read the ${collection} slugs from the CMS: ${String(error).slice(0, 200)}`)
    })
    .finally(() => {
      entry.loading = undefined
    })
}

/**
 * False only when `slug` is certainly not a published document of `collection`: neither the set
 * nor a purge since names the slug, and the set is current, or stale for less than
 * `staleGraceMs` while it is read again (not after "everything"). Never waits for the CMS: a stale
 * or missing set is read in the background and, past the grace, the answer meanwhile is "render it".
 */
export function mayExist(collection: GatedCollection, slug: string, read: SlugReader = readPublishedSlugs, now = Date.now()): boolean {
  followPurges()
  const entry = state()[collection]
  const current = entry.slugs !== undefined && entry.loadedGeneration === entry.generation && now - entry.loadedAt < maxAgeMs
  if (!current && now >= entry.unreachableUntil) refresh(collection, read)
  if (!entry.slugs) return true
  if (!current) {
    const trusted = entry.loadedGeneration >= entry.untrustedBefore
    const staleSince = Math.min(entry.staleSince ?? Infinity, entry.loadedAt + maxAgeMs)
    if (!trusted || now - staleSince >= staleGraceMs) return true
  }
  return entry.slugs.has(slug) || entry.purged.has(slug)
}

/**
 * The first path segments the site answers itself (its routes under src/app, and the proxy's own
 * address for the 404 page): anything else at the top level is a CMS page's address (`/about`) or
 * nothing. A unit test (known-slugs.test.ts) checks this list against src/app.
 */
export const siteRoutes: ReadonlySet<string> = new Set([
  'api',
  'articles',
  'book',
  'conditions',
  'exercises',
  'favicon.ico',
  'feed.xml',
  'icon.svg',
  'og',
  'robots.txt',
  'search',
  'services',
  'sitemap.xml',
  'sitemaps',
  'team',
  '_next',
  notFoundAddress.slice(1),
])

/**
 * The collection and slug of a document address (`/articles/<slug>`, or `/<slug>` for a CMS page),
 * or undefined.
 */
export function documentAddress(path: string): { collection: GatedCollection; slug: string } | undefined {
  const match = /^\/([a-z]+)\/([^/]+)$/.exec(path)
  if (match && isGated(match[1]!) && match[1] !== 'pages') return { collection: match[1], slug: match[2]! }
  const page = /^\/([^/]+)$/.exec(path)
  if (page && !siteRoutes.has(page[1]!)) return { collection: 'pages', slug: page[1]! }
  return undefined
}

/** The collection and slug of a generated link-preview image's address (`/og/<collection>/<slug>`). */
export function imageAddress(path: string): { collection: GatedCollection; slug: string } | undefined {
  const match = /^\/og\/([a-z]+)\/([^/]+)$/.exec(path)
  return match && isGated(match[1]!) ? { collection: match[1], slug: match[2]! } : undefined
}

/**
 * An address no route can answer with a page: two or more segments under a first one that is not
 * the site's (`/wp-admin/setup.php`); the catch-all route only serves one-segment CMS pages.
 */
export function certainlyNoPage(path: string): boolean {
  const segments = path.split('/').filter(Boolean)
  return segments.length > 1 && !siteRoutes.has(segments[0]!)
}

/**
 * What a decoded path certainly is not: `page` (a document address no published document has),
 * `image` (the generated image of one), or undefined (render it as usual).
 */
export function certainlyMissing(path: string): 'page' | 'image' | undefined {
  if (certainlyNoPage(path)) return 'page'
  const page = documentAddress(path)
  if (page) return mayExist(page.collection, page.slug) ? undefined : 'page'
  const image = imageAddress(path)
  if (image) return mayExist(image.collection, image.slug) ? undefined : 'image'
  return undefined
}

/** For tests: forget everything. */
export function resetKnownSlugs(): void {
  holder.__clinicKnownSlugs = undefined
}
