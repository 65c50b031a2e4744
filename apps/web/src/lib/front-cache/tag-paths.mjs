// Which site paths carry which cache tags, so a purge can name the exact URLs the front cache
// (deploy/nginx) holds for a tag. Recorded by the cache handler (../cache-handler/) each time it
// stores a rendered page or route, read by ./refresh.mjs when /api/revalidate purges tags.
//
// In this process's memory, and with REDIS_URL also in Redis (one set per tag), so the instance the
// CMS tells knows the paths every instance rendered. Only pages answered 200 are recorded: junk
// URLs (404s) are never refreshed and cannot crowd out real pages. Bounded per tag.
//
// Plain JavaScript: the cache handler that records is loaded by Node.js without Next.js's compiler.
// The registry lives on globalThis: the cache handler (loaded by Node.js) and the route (bundled by
// Next.js) get separate copies of this module, but one process.
import { createRequire } from 'node:module'

/** The most paths remembered per tag (oldest forgotten first). */
export const maxPathsPerTag = 5000
const redisKeyPrefix = 'clinic:front-cache:tag:'
/** A Redis set lives this long after its last addition (pages are re-recorded on every render). */
const redisTtlSeconds = 30 * 24 * 3600

const state = /** @type {{ tags: Map<string, Set<string>>, routes: Set<string>, redis?: Promise<any> | null }} */ (
  /** @type {any} */ (globalThis)[Symbol.for('clinic.frontCache.tagPaths')] ??= { tags: new Map(), routes: new Set(), redis: undefined }
)
state.routes ??= new Set()

/** The Redis client (ioredis) when REDIS_URL is set; null otherwise or if it cannot be made. */
function redis() {
  if (state.redis !== undefined) return state.redis
  const url = process.env.REDIS_URL?.trim()
  if (!url) return (state.redis = null)
  const require = createRequire(import.meta.url)
  const { Redis } = require('ioredis')
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true })
  client.on('error', () => {}) // a Redis outage only costs the shared record; logged by its other users
  return (state.redis = Promise.resolve(client))
}

/**
 * The site path of a cache handler key. Next.js 16 stores app pages and routes under
 * `/route-cache/<kind>/<hash of the route>/$<path>`, the path as `normalizePagePath` writes it ("/"
 * as "/index", "/index/…" as "/index/index/…"); a bare path is taken as it is. Anything else (fetch
 * cache keys, hashes) is not a path: null.
 * @param {string} key
 */
export function pathOfCacheKey(key) {
  if (typeof key !== 'string' || key.length > 2048) return null
  const routeCache = /^\/route-cache\/[A-Z_]+\/[0-9a-f]+\/\$(\/.*)$/.exec(key)
  const path = routeCache ? routeCache[1] : key
  if (!path.startsWith('/') || path.startsWith('//')) return null
  if (path === '/index') return '/'
  return /^\/index\/index(\/|$)/.test(path) ? path.slice('/index'.length) : path
}

/**
 * Remembers that `key`'s page carries `tags`, when `value` is a page or route the front cache may
 * hold (answered 200).
 * @param {string} key
 * @param {any} value the cache handler's entry value
 */
export function recordCachedPage(key, value) {
  if (!value || (value.kind !== 'APP_PAGE' && value.kind !== 'APP_ROUTE')) return
  if (value.status !== undefined && value.status !== 200) return
  const path = pathOfCacheKey(key)
  const header = value.headers?.['x-next-cache-tags']
  if (!path || typeof header !== 'string' || !header) return
  const tags = header.split(',').filter(Boolean)
  // Routes (an article's Open Graph image, the sitemap) apart from pages: a purge refreshes a tag's
  // pages before its routes (see pathsForTags). Bounded like the tags' sets.
  if (value.kind === 'APP_ROUTE') {
    state.routes.delete(path)
    state.routes.add(path)
    if (state.routes.size > maxPathsPerTag) state.routes.delete(/** @type {string} */ (state.routes.values().next().value))
  } else state.routes.delete(path)
  for (const tag of tags) {
    let paths = state.tags.get(tag)
    if (!paths) state.tags.set(tag, (paths = new Set()))
    paths.delete(path)
    paths.add(path)
    if (paths.size > maxPathsPerTag) paths.delete(paths.values().next().value)
  }
  const client = redis()
  if (client) {
    void client
      .then((r) => {
        const batch = r.multi()
        for (const tag of tags) batch.sadd(redisKeyPrefix + tag, path).expire(redisKeyPrefix + tag, redisTtlSeconds)
        return batch.exec()
      })
      .catch(() => {})
  }
}

/**
 * The paths carrying any of `tags`, those of the most specific tags (fewest paths) first, and of
 * each tag its pages before its routes: the page an editor just changed is refreshed before its
 * Open Graph image (a slower render, which went first when the image had been recorded first, and
 * the page waited for it: issue 17) and before the lists that mention it.
 * @param {readonly string[]} tags
 * @returns {Promise<string[]>}
 */
export async function pathsForTags(tags) {
  const byTag = tags.map((tag) => [...(state.tags.get(tag) ?? [])])
  const client = redis()
  if (client) {
    try {
      const r = await client
      const shared = await Promise.race([
        Promise.all(tags.map((tag) => r.smembers(redisKeyPrefix + tag))),
        new Promise((resolve) => setTimeout(() => resolve(null), 500)),
      ])
      if (Array.isArray(shared)) shared.forEach((paths, i) => (byTag[i] = [...new Set([...byTag[i], ...paths])]))
    } catch {
      // Redis down: this instance's own record still names what it rendered.
    }
  }
  byTag.sort((a, b) => a.length - b.length)
  const pagesFirst = (/** @type {string[]} */ paths) => [...paths.filter((path) => !state.routes.has(path)), ...paths.filter((path) => state.routes.has(path))]
  return [...new Set(byTag.flatMap(pagesFirst))]
}

/** Tests: forget everything recorded in this process. */
export function resetTagPaths() {
  state.tags.clear()
  state.routes.clear()
}
