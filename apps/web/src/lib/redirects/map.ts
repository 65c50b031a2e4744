import { collectionSlugs, collectionTag, type Redirect } from '@clinic/cms-types'
import { env } from '@/env'
import { onPurge } from '@/lib/purge-bus'

/** One live redirect as the site applies it. */
export type SiteRedirect = { destination: string; status: 301 | 302 }

/** Old path → redirect. */
export type RedirectMap = ReadonlyMap<string, SiteRedirect>

const emptyMap: RedirectMap = new Map()
const redirectPageSize = 100
/** A bound on one read of the map: 100 pages of 100 redirects. */
const maxRedirectPages = 100

/**
 * The redirects the CMS lets anyone read (live ones: their target is published), with only the
 * fields the site needs.
 */
export function redirectMapUrl(page = 1): string {
  const url = new URL(`/api/${collectionSlugs.redirects}`, env.cmsUrl)
  // The CMS serves an anonymous caller pages of at most 100 (its request budget): read them all.
  url.searchParams.set('limit', String(redirectPageSize))
  url.searchParams.set('page', String(page))
  url.searchParams.set('sort', 'id')
  url.searchParams.set('depth', '0')
  for (const field of ['from', 'destination', 'type'] satisfies (keyof Redirect)[]) url.searchParams.set(`select[${field}]`, 'true')
  return url.toString()
}

/** A bound on the hops followed when checking a redirect for a circle. */
const maxHops = 20

/**
 * Builds the map from the CMS's answer; entries without a destination or a known status are
 * skipped, and so are redirects that lead in a circle (the CMS refuses them, but an import or a
 * race can leave one): a visitor's browser would bounce between them until it gives up. They are
 * logged; the CMS's Redirects list shows them in its "Problem" column.
 */
export function parseRedirectMap(docs: Pick<Redirect, 'from' | 'destination' | 'type'>[]): RedirectMap {
  const map = new Map<string, SiteRedirect>()
  for (const doc of docs) {
    if (!doc.from || !doc.destination) continue
    const status = doc.type === '302' ? 302 : doc.type === '301' ? 301 : undefined
    if (status) map.set(doc.from, { destination: doc.destination, status })
  }
  const circular = [...map.keys()].filter((from) => leadsInACircle(map, from))
  for (const from of circular) map.delete(from)
  if (circular.length > 0) console.warn(`[redirects] not applied, they lead in a circle: ${circular.join(', ')}`)
  return map
}

/** True when following redirects from `from` comes back to an address already passed (or goes on past `maxHops`). */
function leadsInACircle(map: ReadonlyMap<string, SiteRedirect>, from: string): boolean {
  const passed = new Set([from])
  let next = map.get(from)?.destination
  for (let hops = 0; next !== undefined && map.has(next); hops++) {
    if (passed.has(next) || hops >= maxHops) return true
    passed.add(next)
    next = map.get(next)?.destination
  }
  return false
}

type Docs = Pick<Redirect, 'from' | 'destination' | 'type'>[]

/**
 * The map is kept in the server's memory and marked stale when the CMS purges the redirects tag
 * (/api/revalidate calls `markRedirectMapStale`), so a page request costs a Map lookup and the
 * CMS is asked once per redirect change. Next.js's own caches are no use here: measured on a
 * production build, neither `fetch`'s data cache nor `unstable_cache` keeps anything between
 * requests in proxy.ts (each request reached the CMS).
 *
 * Kept on globalThis: proxy.ts and the revalidation route are separate bundles in one process.
 * A site run as several instances hears of the purge through Redis (lib/purge-bus.ts: the
 * instance the CMS reached announces it), and reloads the map after its subscription to Redis
 * (re)connects, in case it missed one. The map also expires after `maxAgeMs` as a safety net.
 */
type State = {
  map: RedirectMap
  loadedAt: number
  /** Bumped by every purge; the map is current while it was read in the latest generation. */
  generation: number
  loadedGeneration: number
  loading?: Promise<RedirectMap>
  unreachableUntil: number
}
const store = globalThis as { __clinicRedirectMap?: State }
const state = (): State => (store.__clinicRedirectMap ??= { map: emptyMap, loadedAt: 0, generation: 0, loadedGeneration: -1, unreachableUntil: 0 })

const maxAgeMs = 5 * 60_000
// When the CMS cannot be reached, the last map known is used, and the CMS is asked again after this.
const retryAfterMs = 10_000

/** Called when redirects changed (or may have): the next request reads them again. */
export function markRedirectMapStale(): void {
  state().generation++
}

const redirectsTag = collectionTag(collectionSlugs.redirects)
const listening = globalThis as { __clinicRedirectMapListening?: boolean }

/** Follows purges announced by any instance (the purge bus), once per process. */
function followPurges(): void {
  if (listening.__clinicRedirectMapListening) return
  listening.__clinicRedirectMapListening = true
  onPurge((tags) => {
    if (tags === 'everything' || tags.includes(redirectsTag)) markRedirectMapStale()
  })
}

async function readRedirects(): Promise<RedirectMap> {
  const docs: Docs = []
  for (let page = 1; page <= maxRedirectPages; page++) {
    const response = await fetch(redirectMapUrl(page), { cache: 'no-store', signal: AbortSignal.timeout(2000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const body = (await response.json()) as { docs: Docs; hasNextPage?: boolean }
    docs.push(...body.docs)
    if (!body.hasNextPage) break
  }
  return parseRedirectMap(docs)
}

/**
 * The map if it is current, without waiting or reading (undefined when it would have to be read:
 * the caller then lets the proxy apply redirects as usual).
 */
export function currentRedirectMap(now = Date.now()): RedirectMap | undefined {
  followPurges()
  const current = state()
  return current.loadedGeneration === current.generation && now - current.loadedAt < maxAgeMs ? current.map : undefined
}

/** The current redirect map; the last one known (or none) while the CMS cannot be reached. */
export async function loadRedirectMap(): Promise<RedirectMap> {
  followPurges()
  const current = state()
  const now = Date.now()
  const fresh = current.loadedGeneration === current.generation && now - current.loadedAt < maxAgeMs
  if (fresh || now < current.unreachableUntil) return current.map
  if (!current.loading) {
    // One read at a time, however many requests are waiting for it. A purge that arrives while
    // it is in flight bumps the generation, so the next request reads again.
    const generation = current.generation
    current.loading = readRedirects()
      .then((map) => {
        Object.assign(current, { map, loadedAt: Date.now(), loadedGeneration: generation })
        return map
      })
      .catch((error: unknown) => {
        current.unreachableUntil = Date.now() + retryAfterMs
        console.warn(`[redirects] could not read the redirect map from the CMS: ${String(error)}`)
        return current.map
      })
      .finally(() => {
        current.loading = undefined
      })
  }
  return current.loading
}

/** For tests: a map as if just read from the CMS. */
export function setRedirectMapForTests(map: RedirectMap): void {
  const current = state()
  Object.assign(current, { map, loadedAt: Date.now(), loadedGeneration: current.generation, unreachableUntil: 0 })
}
