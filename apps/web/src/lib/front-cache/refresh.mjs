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
//
// Behind a balancer with several instances, each refresh names this instance
// (X-Clinic-Refresh-Via: its address as nginx lists it) and nginx passes it to this instance only:
// the others may still hold the old copy in memory until the purge reaches them over Redis, and a
// refresh answered by one of them would store that old copy (a 200 like any other) for nginx's 60 s.
//
// A front cache that purges by tag (Varnish with xkey, deploy/varnish: measured, not shipped) is
// named `varnish+http://host:port` in FRONT_CACHE_URL: once this instance has re-rendered the first
// purged page, it gets one `PURGE` naming the tags (pages carry them as Surrogate-Key,
// ./surrogate-keys.mjs), then the purged paths are asked for again like nginx's refresh, so the next
// visitor hits. `varnish-purge+http://…` only purges: the first visitor of each page fetches it.
import { request } from 'node:http'
import { isSurrogateKey } from './surrogate-keys.mjs'
import { pathsForTags } from './tag-paths.mjs'

/** The header nginx's template matches against the secret (`$clinic_refresh`). */
export const refreshHeader = 'x-clinic-refresh'
/** The instance a refresh asks nginx to pass it to (`$clinic_site_upstream` in the template). */
export const refreshViaHeader = 'x-clinic-refresh-via'
const encodings = ['gzip', 'identity']

/**
 * How often a refresh answered with the site's stale copy is asked again (nginx did not store it):
 * the instance that answered stale (a purge arrived meanwhile; or, with a front cache that does not
 * know this instance's address, another instance) renders the page meanwhile; up to two seconds.
 */
const staleRetries = 20
const staleRetryMs = 100

/**
 * One GET, body discarded; resolves to the status (0 when it failed), whether the site called its
 * answer stale (x-nextjs-cache: STALE) and, on a refresh, which upstream group of the front cache
 * answered it (X-Clinic-Refresh-Upstream: this instance's own, or the balanced `clinic_site`).
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {number} timeoutMs
 * @returns {Promise<{ status: number, stale: boolean, upstream?: string }>}
 */
function getAnswer(url, headers, timeoutMs) {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', headers, timeout: timeoutMs }, (res) => {
      res.resume()
      const stale = res.headers['x-nextjs-cache'] === 'STALE'
      const upstream = typeof res.headers['x-clinic-refresh-upstream'] === 'string' ? res.headers['x-clinic-refresh-upstream'] : undefined
      res.on('end', () => resolve({ status: res.statusCode ?? 0, stale, upstream }))
      res.on('error', () => resolve({ status: 0, stale, upstream }))
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve({ status: 0, stale: false }))
    req.end()
  })
}

/** The header a tag-purging front cache reads the tags from (deploy/varnish, xkey's convention). */
export const purgeTagsHeader = 'xkey-purge'
/** Tags per purge request: the header stays well under Varnish's 8 KB header limit. */
const purgeHeaderMaxChars = 4000

/**
 * What FRONT_CACHE_URL's entry is: a front cache refreshed path by path (the shipped nginx), or one
 * purged by tag (`varnish+` refills the purged paths afterwards, `varnish-purge+` does not).
 * @param {string} url
 * @returns {{ origin: string, purgeByTag: boolean, refill: boolean }}
 */
export function frontCacheOf(url) {
  const match = /^(varnish(-purge)?)\+(.*)$/.exec(url)
  if (!match) return { origin: url, purgeByTag: false, refill: true }
  return { origin: match[3], purgeByTag: true, refill: !match[2] }
}

/**
 * Purges `tags` from a tag-purging front cache: `PURGE /` with the tags (space-separated, in
 * batches) and the secret. Resolves to a problem, or undefined when every batch answered 200.
 * @param {string} origin
 * @param {readonly string[]} tags
 * @param {string} secret
 * @param {number} timeoutMs
 * @returns {Promise<string | undefined>}
 */
export async function purgeTags(origin, tags, secret, timeoutMs) {
  const keys = tags.filter(isSurrogateKey)
  /** @type {string[][]} */
  const batches = []
  let length = 0
  for (const key of keys) {
    if (batches.length === 0 || length + key.length + 1 > purgeHeaderMaxChars) {
      batches.push([])
      length = 0
    }
    batches[batches.length - 1].push(key)
    length += key.length + 1
  }
  const answers = await Promise.all(
    batches.map(
      (batch) =>
        /** @type {Promise<number>} */ (
          new Promise((resolve) => {
            const req = request(`${origin}/`, { method: 'PURGE', headers: { [refreshHeader]: secret, [purgeTagsHeader]: batch.join(' ') }, timeout: timeoutMs }, (res) => {
              res.resume()
              res.on('end', () => resolve(res.statusCode ?? 0))
              res.on('error', () => resolve(0))
            })
            req.on('timeout', () => req.destroy())
            req.on('error', () => resolve(0))
            req.end()
          })
        ),
    ),
  )
  const bad = answers.find((status) => status !== 200)
  return bad === undefined ? undefined : bad === 0 ? `purge at ${origin}: no answer` : `purge at ${origin}: answered ${bad}`
}

/** The upstream group nginx uses when it does not know the instance a refresh names. */
const balancedGroup = 'clinic_site'
const warnedUnknownAddress = new Set()

/**
 * A refresh through the front cache: asked again (a few times, briefly apart) while the answer is
 * the site's stale copy (a purge came meanwhile and the page renders again): nginx does not store
 * those (the template's $clinic_stale_answer). Answered by this instance (the front cache knows its
 * address), the answer is the truth of this moment, whatever this instance answered a moment before
 * (a redirect deleted in between). Balanced to any instance (the front cache does not know the
 * address named, or predates it), an answer whose status differs from this instance's own may come
 * from an instance that has not yet seen the purge (its old 200 for a page now 404): asked again.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {number} timeoutMs
 * @param {number} [expected] the status this instance answered for the path (0: unknown)
 * @returns {Promise<{ status: number, problem?: string }>}
 */
async function refreshOnce(url, headers, timeoutMs, expected = 0) {
  for (let attempt = 0; ; attempt += 1) {
    const answer = await getAnswer(url, headers, timeoutMs)
    const pinned = answer.upstream !== undefined && answer.upstream !== balancedGroup
    if (answer.upstream === balancedGroup && headers[refreshViaHeader]) warnUnknownAddress(url, headers[refreshViaHeader])
    const behind = !pinned && expected > 0 && answer.status > 0 && answer.status !== expected
    if (answer.status === 0) return { status: 0, problem: 'no answer' }
    if (!answer.stale && !behind) return { status: answer.status, problem: answer.status >= 500 ? `answered ${answer.status}` : undefined }
    if (attempt >= staleRetries) {
      return { status: 0, problem: answer.stale ? `answered stale ${staleRetries + 1} times` : `answered ${answer.status} while this instance answers ${expected}` }
    }
    await new Promise((resolve) => setTimeout(resolve, staleRetryMs))
  }
}

/**
 * Once per front cache: it balanced a refresh that named this instance (it does not list the
 * address), so another instance may answer it with a copy older than the purge.
 * @param {string} url
 * @param {string} address
 */
function warnUnknownAddress(url, address) {
  const front = new URL(url).origin
  if (warnedUnknownAddress.has(front)) return
  warnedUnknownAddress.add(front)
  console.warn(
    `[front-cache] ${front} does not list this instance as ${address}, so its refreshes go to any instance (one that has not seen the purge yet may answer with the old page). ` +
      'Set SITE_INSTANCE_ADDRESS to this instance\'s host:port exactly as in the front cache\'s --site list.',
  )
}

/** A refresh's outcome: done, or what went wrong. @typedef {true | string} Outcome */

/**
 * The refreshes waiting in this process, shared by every purge: a path purged again while it waits
 * is refreshed once, and each purge's own first page (the one an editor just changed) does not
 * wait behind the lists and pages of earlier purges (issue 17: a publish right after another one).
 * @type {{ waiting: Map<string, { job: () => Promise<Outcome>, done: Promise<Outcome>, resolve: (outcome: Outcome) => void }>, running: number, urgent: number, limit: number }}
 */
const queue = /** @type {any} */ (globalThis)[Symbol.for('clinic.frontCache.refreshQueue')] ??= { waiting: new Map(), running: 0, urgent: 0, limit: 2 }
/** Who waits for the queue to be empty (whenRefreshesIdle). @type {(() => void)[]} */
const idleWaiters = (queue.idleWaiters ??= [])

const isIdle = () => queue.urgent === 0 && queue.running === 0 && queue.waiting.size === 0

/**
 * Resolves once no page refresh is running or waiting in this process (at once when none is).
 * Background work that is not a page (Open Graph images, lib/og/warm.ts) waits for it: on a small
 * server it shares the CPU and the CMS with the page an editor just changed.
 * @returns {Promise<void>}
 */
export function whenRefreshesIdle() {
  if (isIdle()) return Promise.resolve()
  return new Promise((resolve) => idleWaiters.push(resolve))
}

function wakeIdleWaiters() {
  if (!isIdle()) return
  for (const resolve of idleWaiters.splice(0)) resolve()
}

/**
 * Queues `job` for `path` (or updates the waiting one); resolves when it ran.
 * @param {string} path
 * @param {() => Promise<Outcome>} job
 * @param {number} limit
 * @returns {Promise<Outcome>}
 */
function enqueue(path, job, limit) {
  let entry = queue.waiting.get(path)
  if (entry) entry.job = job
  else {
    /** @type {(outcome: Outcome) => void} */
    let resolve = () => {}
    const done = new Promise((r) => (resolve = r))
    entry = { job, done, resolve }
    queue.waiting.set(path, entry)
  }
  pump(limit)
  return entry.done
}

/** @param {number} limit */
function pump(limit) {
  queue.limit = limit
  // While a purge's own page is refreshed (runNow), nothing else starts: a list rendered beside it
  // shares the one JavaScript thread and the CPU and delays the page the editor is looking at.
  while (queue.urgent === 0 && queue.running < limit && queue.waiting.size > 0) {
    const [path, entry] = /** @type {[string, any]} */ (queue.waiting.entries().next().value)
    queue.waiting.delete(path)
    queue.running += 1
    entry
      .job()
      .then(entry.resolve, () => entry.resolve('error'))
      .finally(() => {
        queue.running -= 1
        pump(limit)
      })
  }
  wakeIdleWaiters()
}

/**
 * Runs `job` for `path` now, ahead of the queue, and holds the queue until it is done; a queued
 * refresh of the same path is answered by it.
 * @param {string} path
 * @param {() => Promise<Outcome>} job
 */
async function runNow(path, job) {
  const waiting = queue.waiting.get(path)
  queue.waiting.delete(path)
  queue.urgent += 1
  try {
    const ok = await job().catch(() => /** @type {Outcome} */ ('error'))
    waiting?.resolve(ok)
    return ok
  } finally {
    queue.urgent -= 1
    pump(queue.limit)
  }
}

/**
 * Refreshes the front cache(s) for every path that carries one of `tags`. Without a front cache,
 * this instance still renders those paths at once: the first visitor after a publish then gets the
 * page from the cache handler, its framework scripts after paint, not the first render as Next.js
 * streams it (issue 17 item 4).
 * @param {readonly string[]} tags
 * `instanceAddress` is this instance as the front cache lists it (SITE_INSTANCE_ADDRESS): the
 * refreshes are answered by this instance alone.
 * @param {{ frontCacheUrls: readonly string[], siteUrl: string, secret: string, instanceAddress?: string, selfOrigin?: string, concurrency?: number, timeoutMs?: number, receivedAt?: number }} options
 * @returns {Promise<{ paths: string[], failed: string[], problems: Record<string, string> }>}
 */
export async function refreshFrontCache(tags, { frontCacheUrls, siteUrl, secret, instanceAddress = ownAddress(), selfOrigin = ownOrigin(), concurrency = 2, timeoutMs = 15_000, receivedAt = Date.now() }) {
  if (tags.length === 0 || (frontCacheUrls.length === 0 && !selfOrigin)) return { paths: [], failed: [], problems: {} }
  const trace = tracing() ? { received: receivedAt, start: Date.now() } : undefined
  const fronts = frontCacheUrls.map(frontCacheOf)
  // Refreshed path by path: nginx, and the tag-purging caches that are refilled after their purge.
  const refreshed = fronts.filter((front) => front.refill).map((front) => front.origin)
  const purged = fronts.filter((front) => front.purgeByTag)
  /** @type {Record<string, string>} */
  const purgeProblems = {}
  const purge = async () => {
    const outcomes = await Promise.all(purged.map((front) => purgeTags(front.origin, tags, secret, timeoutMs)))
    outcomes.forEach((problem, i) => {
      if (problem) purgeProblems[`(tags at ${purged[i].origin})`] = problem
    })
  }
  const paths = await pathsForTags(tags)
  if (trace) trace.paths = Date.now()
  const host = new URL(siteUrl).host
  /** @type {Record<string, string>} */
  const headers = { host, [refreshHeader]: secret }
  if (instanceAddress) headers[refreshViaHeader] = instanceAddress
  /** @type {string[]} */
  const failed = []
  /** @type {Record<string, string>} */
  const problems = {}
  /** @param {string} path @returns {() => Promise<true | string>} */
  const refresh = (path) => async () => {
    // Warm this instance's cache handler (rewritten HTML); a failure here only means the refresh
    // below renders the page itself.
    const own = selfOrigin ? await getAnswer(`${selfOrigin}${path}`, { 'accept-encoding': 'identity' }, timeoutMs) : undefined
    const expected = own && !own.stale && own.status < 500 ? own.status : 0
    if (trace && path === paths[0]) trace.rendered = Date.now()
    // A purge by tag goes once the changed page is rendered here (its fill then hits this cache).
    if (path === paths[0] && purged.length > 0) await purge()
    // No front cache: this render is the point (the page is in the cache handler, rewritten, before
    // a visitor asks for it).
    if (frontCacheUrls.length === 0) return own && own.status > 0 && own.status < 500 ? true : `rendered ${own?.status ?? 0}`
    const answers = await Promise.all(
      refreshed.flatMap((front) =>
        encodings.map((encoding) => refreshOnce(`${front}${path}`, { ...headers, 'accept-encoding': encoding }, timeoutMs, expected)),
      ),
    )
    return answers.find((answer) => answer.problem)?.problem ?? true
  }
  /** @param {string} path @param {true | string} outcome */
  const note = (path, outcome) => {
    if (outcome !== true) {
      failed.push(path)
      problems[path] = outcome
    }
  }
  // The most specific page (the one an editor just changed) alone first, ahead of anything queued:
  // rendering the lists beside it would share the one JavaScript thread and delay it. Then the
  // rest, a few at a time, in the queue this process shares across purges.
  if (paths.length > 0) note(paths[0], await runNow(paths[0], refresh(paths[0])))
  else if (purged.length > 0) await purge()
  if (trace) {
    // One line per purge (FRONT_CACHE_TRACE=1, `pnpm bench`): epoch ms of each step of the first page.
    const at = (/** @type {number | undefined} */ t) => (t === undefined ? '-' : String(t))
    console.log(`[front-cache] trace received=${at(trace.received)} start=${at(trace.start)} paths=${at(trace.paths)} rendered=${at(trace.rendered)} refreshed=${Date.now()} first=${paths[0] ?? '-'} count=${paths.length}`)
  }
  // The rest: refreshed in the front caches that refresh path by path, or (without a front cache)
  // rendered here.
  if (refreshed.length > 0 || frontCacheUrls.length === 0) await Promise.all(paths.slice(1).map(async (path) => note(path, await enqueue(path, refresh(path), concurrency))))
  for (const [what, problem] of Object.entries(purgeProblems)) note(what, problem)
  return { paths, failed, problems }
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

/** This instance as the front cache lists it: SITE_INSTANCE_ADDRESS, else 127.0.0.1 and its port. */
function ownAddress() {
  const port = process.env.PORT
  return process.env.SITE_INSTANCE_ADDRESS?.trim() || (port ? `127.0.0.1:${port}` : undefined)
}
