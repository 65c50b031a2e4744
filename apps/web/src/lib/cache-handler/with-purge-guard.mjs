// Wraps a Next.js cache handler so nothing read or rendered before a purge outlives it (issue 17:
// every instance agrees). A render that read the CMS just before a publish, and finished just after
// its purge, would otherwise be stored after the purge had emptied the cache: the old page then
// stays, on every instance that reads it, until the next purge. The purge cannot delete what is not
// there yet, and Next.js dates an entry by when it was stored, not by when its render began.
//
// So each entry carries when its work began: the moment this process found the key missing (Next.js
// renders a page once at a time per process, and fetches one CMS read at a time per key, so the
// miss and the store that follows belong together). An entry whose work began before a purge of one
// of its tags that this process knows of (./purge-log.mjs: the purge's arrival, or its news over
// Redis) is not stored, and is not served when another instance stored it: the next request
// renders the page, or reads the CMS, again. That costs one render, only when a purge lands while
// the page was rendering.
//
// Times are compared on one machine's clock: the one that began the work with the one that learned
// of the purge. Several machines need their clocks in step (NTP) to well under a render's length.
//
// Plain JavaScript: Next.js loads the cache handler with Node.js, without compiling it.
import { globalPurgeLog, purgedSince } from './purge-log.mjs'

/** The field on a stored value that says when its work began (epoch ms). */
export const startedAtField = 'clinicStartedAt'
/** Keys whose work began and is not stored yet; beyond this the oldest are forgotten. */
const maxPending = 5_000
const cacheTagsHeader = 'x-next-cache-tags'
/** What carries tags: pages, routes (sitemap, feed, images of pages) and CMS reads. Optimised images and the rest pass through. */
const guardedKinds = new Set(['APP_PAGE', 'APP_ROUTE', 'FETCH'])

/**
 * Every tag that an entry, its value or the request for it names.
 * @param {any} value
 * @param {...any} sources entries and contexts, each with an optional `tags` / `softTags` list
 * @returns {Set<string>}
 */
function tagsOf(value, ...sources) {
  /** @type {Set<string>} */
  const tags = new Set()
  const add = (/** @type {unknown} */ list) => {
    if (Array.isArray(list)) for (const tag of list) if (typeof tag === 'string') tags.add(tag)
  }
  for (const source of [value, ...sources]) {
    add(source?.tags)
    add(source?.softTags)
  }
  const header = value?.headers?.[cacheTagsHeader]
  if (typeof header === 'string') add(header.split(','))
  return tags
}

/**
 * @template {new (options: object) => object} T
 * @param {T} Inner a cache handler class
 * @param {{ log?: Map<string, number>, now?: () => number }} [options] the purge log and the clock (tests)
 */
export function withPurgeGuard(Inner, { log = globalPurgeLog(), now = Date.now } = {}) {
  return class PurgeGuardCacheHandler extends Inner {
    /** @type {Map<string, number>} key → when its render or read began */
    pending = new Map()

    /** @param {string} key @param {any} ctx */
    async get(key, ctx, ...rest) {
      const entry = await super.get(key, ctx, ...rest)
      if (!guardedKinds.has(ctx?.kind)) return entry
      const startedAt = entry?.value?.[startedAtField]
      if (entry && !(typeof startedAt === 'number' && purgedSince(tagsOf(entry.value, entry, ctx), startedAt, log))) return entry
      // A miss (or an entry older than a purge): the render or the read of this key begins now. One
      // already under way keeps its earlier start: whatever is stored next may come from it.
      if (!this.pending.has(key)) {
        this.pending.set(key, now())
        while (this.pending.size > maxPending) this.pending.delete(/** @type {string} */ (this.pending.keys().next().value))
      }
      return null
    }

    /** @param {string} key @param {any} data @param {any} ctx */
    async set(key, data, ctx, ...rest) {
      const startedAt = this.pending.get(key) ?? now()
      this.pending.delete(key)
      if (data === null || typeof data !== 'object' || !guardedKinds.has(data.kind)) {
        return super.set(key, data, ctx, ...rest)
      }
      // Begun before a purge of one of its tags: may hold what the purge replaced. Not stored; the
      // next request does the work again.
      if (purgedSince(tagsOf(data, ctx), startedAt, log)) return
      return super.set(key, { ...data, [startedAtField]: startedAt }, ctx, ...rest)
    }
  }
}
