// After a purge: replace the front cache's copies of the purged pages with fresh ones, so a publish
// shows through the front cache as soon as the site has it (issue 17), instead of when nginx's copy
// expires. The shipped nginx (deploy/nginx) keeps pages until told; a request carrying the refresh
// header (the revalidation secret) skips its cache and stores the answer in place of the old copy.
//
// Each purged path is first re-rendered by this process directly (not through the front cache), so
// the page is in the site's cache handler, rewritten to load its framework scripts after paint
// (../html/defer-app-scripts.mjs); the front cache's refresh then gets that copy, never the raw
// first render (issue 17 item 4). Then each front cache is refreshed for both variants it keeps
// (gzip and identity), with the Host visitors use (SITE_URL's), which is part of nginx's key.
import { request } from 'node:http'
import { pathsForTags } from './tag-paths.mjs'

/** The header nginx's template matches against the secret (`$clinic_refresh`). */
export const refreshHeader = 'x-clinic-refresh'
const encodings = ['gzip', 'identity']

/**
 * One GET, body discarded; resolves to the status (0 when it failed).
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {number} timeoutMs
 * @returns {Promise<number>}
 */
function getStatus(url, headers, timeoutMs) {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', headers, timeout: timeoutMs }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', () => resolve(0))
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(0))
    req.end()
  })
}

/**
 * Runs `work` over `items`, at most `limit` at a time, in order.
 * @template T
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<void>} work
 */
async function eachLimited(items, limit, work) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * Refreshes the front cache(s) for every path that carries one of `tags`.
 * @param {readonly string[]} tags
 * @param {{ frontCacheUrls: readonly string[], siteUrl: string, secret: string, selfOrigin?: string, concurrency?: number, timeoutMs?: number }} options
 * @returns {Promise<{ paths: string[], failed: string[] }>}
 */
export async function refreshFrontCache(tags, { frontCacheUrls, siteUrl, secret, selfOrigin = ownOrigin(), concurrency = 2, timeoutMs = 15_000, receivedAt = Date.now() }) {
  if (frontCacheUrls.length === 0 || tags.length === 0) return { paths: [], failed: [] }
  const trace = tracing() ? { received: receivedAt, start: Date.now() } : undefined
  const paths = await pathsForTags(tags)
  if (trace) trace.paths = Date.now()
  const host = new URL(siteUrl).host
  const failed = []
  /** @param {string} path */
  const refresh = async (path) => {
    // Warm this instance's cache handler (rewritten HTML); a failure here only means the refresh
    // below renders the page itself.
    if (selfOrigin) await getStatus(`${selfOrigin}${path}`, { 'accept-encoding': 'identity' }, timeoutMs)
    if (trace && path === paths[0]) trace.rendered = Date.now()
    const statuses = await Promise.all(
      frontCacheUrls.flatMap((front) =>
        encodings.map((encoding) => getStatus(`${front}${path}`, { host, 'accept-encoding': encoding, [refreshHeader]: secret }, timeoutMs)),
      ),
    )
    if (statuses.some((status) => status === 0 || status >= 500)) failed.push(path)
  }
  // The most specific page (the one an editor just changed) alone first: rendering the lists beside
  // it would share the one JavaScript thread and delay it. Then the rest, a few at a time.
  if (paths.length > 0) await refresh(paths[0])
  if (trace) {
    // One line per purge (FRONT_CACHE_TRACE=1, `pnpm bench`): epoch ms of each step of the first page.
    const at = (/** @type {number | undefined} */ t) => (t === undefined ? '-' : String(t))
    console.log(`[front-cache] trace received=${at(trace.received)} start=${at(trace.start)} paths=${at(trace.paths)} rendered=${at(trace.rendered)} refreshed=${Date.now()} first=${paths[0] ?? '-'} count=${paths.length}`)
  }
  await eachLimited(paths.slice(1), concurrency, refresh)
  return { paths, failed }
}

/** FRONT_CACHE_TRACE=1: log the timeline of each purge's first page (the bench reads it). */
function tracing() {
  return process.env.FRONT_CACHE_TRACE === '1'
}

/** This server's own address (`next start` records it), for re-rendering without the front cache. */
function ownOrigin() {
  const port = process.env.PORT
  return port ? `http://127.0.0.1:${port}` : undefined
}
