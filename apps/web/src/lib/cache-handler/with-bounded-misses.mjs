// Wraps a Next.js cache handler so answers about things that do not exist (404 pages and routes, and
// the CMS's empty "no such slug" reads behind them) are kept apart from real pages, in a small LRU of
// their own. Anyone can invent addresses by the thousand: they must not push the flagship article
// out of the page cache, nor grow the process past its memory budget. A real page is never evicted
// by them; a junk address costs at most one re-render once it falls out of this small LRU.
//
// Any tag purge (a publish) empties it: a slug that was missing may now exist. With a cache shared
// by several instances (Redis) a purge may reach only one of them, so there entries also expire
// after `ttlMs`.
//
// Plain JavaScript: Next.js loads the cache handler with Node.js, without compiling it.

/** Entries of the misses LRU (a 404 page with its RSC payload is ~30-60 KB). */
export const maxMisses = 200

const isMissingPage = (value) => (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE') && value.status === 404

/**
 * A page or route that answered 5xx (the OG route's 503 when too many images wait, a CMS outage's
 * 503): a moment's answer, never kept. Next.js would store it like any other and serve it until a
 * purge.
 */
const isServerError = (value) => (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE') && typeof value.status === 'number' && value.status >= 500

/** A CMS list read that found nothing: `{"docs":[],"totalDocs":0,...}`, base64 in the fetch cache. */
function isEmptyRead(value) {
  if (value?.kind !== 'FETCH') return false
  const body = value.data?.body
  if (typeof body !== 'string' || body.length > 1024) return false
  try {
    return Buffer.from(body, 'base64').toString('utf8').includes('"totalDocs":0')
  } catch {
    return false
  }
}

/**
 * @template {new (options: object) => object} T
 * @param {T} Inner a cache handler class
 */
export function withBoundedMisses(Inner, { limit = maxMisses, ttlMs = Infinity } = {}) {
  return class BoundedMissesCacheHandler extends Inner {
    /** @type {Map<string, { lastModified: number, value: unknown }>} */
    misses = new Map()

    async get(key, ...rest) {
      const miss = this.misses.get(key)
      if (miss && Date.now() - miss.lastModified > ttlMs) this.misses.delete(key)
      else if (miss) {
        // Most recently used last.
        this.misses.delete(key)
        this.misses.set(key, miss)
        return { lastModified: miss.lastModified, value: miss.value }
      }
      return super.get(key, ...rest)
    }

    async set(key, data, ...rest) {
      if (isServerError(data)) return
      if (isMissingPage(data) || isEmptyRead(data)) {
        this.misses.delete(key)
        this.misses.set(key, { lastModified: Date.now(), value: data })
        while (this.misses.size > limit) this.misses.delete(this.misses.keys().next().value)
        return
      }
      this.misses.delete(key)
      return super.set(key, data, ...rest)
    }

    async revalidateTag(...args) {
      this.misses.clear()
      return super.revalidateTag(...args)
    }
  }
}
