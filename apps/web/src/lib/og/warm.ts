/**
 * Open Graph images are rendered in the background, before anyone asks: at start (once the server
 * answers) and after every purge this instance receives from the CMS (/api/revalidate). A purge
 * reaches one instance (the one the CMS called) and the page cache is shared through Redis, so one
 * instance warms per purge; a second instance starting finds the images already in the shared cache.
 *
 * Each image is warmed by requesting it from this server over loopback, exactly as a visitor's link
 * preview would: the render lands in the page cache under the same key and tags as a visitor's
 * request, so the next visitor gets it as a cache hit. The renders are low priority in the render
 * queue (lib/og/render-queue.ts: a visitor's render always goes first), one at a time, with a pause
 * between them, never while this process refreshes or renders purged pages (they go first: the page
 * an editor just published is what someone is waiting for) nor within 3 s of a purge (staff still
 * publishing), and the queue is bounded. Which images:
 * the changed document's first, then, when a purge covers a whole collection (every publish does:
 * lists change) or the site settings (the clinic's name is on every image), the newest
 * SOCIAL_IMAGE_WARM documents of each collection concerned. Older documents' images are rendered on
 * their first request, as before.
 */
import { collectionTag, documentTag, globalSlugs, globalTag, type RoutedCollectionSlug } from '@clinic/cms-types'
import { env } from '@/env'
import { lastPurgeAt } from '@/lib/cache-handler/purge-log.mjs'
import { whenRefreshesIdle } from '@/lib/front-cache/refresh.mjs'
import { isRoutedCollection, socialImageKind, socialImagePath } from './social-image'

/** Pause between two background renders, so visitors' requests always find the thread free in between. */
const pauseMs = 250
/**
 * No image starts until no purge has come for this long: staff publishing several changes in a row
 * get each one through to the site with the CPU and the CMS to themselves (an image render reads the
 * CMS and keeps a core busy for ~0.1-0.3 s), and the images follow once they pause. Nobody shares a
 * link within seconds of publishing it.
 */
const quietMs = 3_000
/** At most this many images wait to be warmed; more are left to their first visitor. */
const maxQueued = 1000
/** How long the server may take to answer before the start-up warm gives up. */
const readyTimeoutMs = 180_000

type WarmState = { queue: string[]; queued: Set<string>; warming: Set<string>; draining: boolean; started: boolean }

// On globalThis: instrumentation.ts, the revalidation route and the image route are separate bundles.
const holder = globalThis as { __clinicOgWarm?: WarmState }
const state = (): WarmState => (holder.__clinicOgWarm ??= { queue: [], queued: new Set(), warming: new Set(), draining: false, started: false })

const routedCollections = Object.keys(socialImageKind) as RoutedCollectionSlug[]

/** True while the warmer is requesting this image: its render is queued at low priority. */
export const isBeingWarmed = (path: string): boolean => state().warming.has(path)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Resolves once this process refreshes no purged page and has heard of no purge for `quietMs`
 * (lib/cache-handler/purge-log.mjs: the CMS's calls and other instances' purges alike).
 */
export async function whenPublishingPauses(): Promise<void> {
  for (;;) {
    await whenRefreshesIdle()
    const wait = lastPurgeAt() + quietMs - Date.now()
    if (wait <= 0) return
    await sleep(wait)
  }
}

/** This server's own address (`next start` records its port), as the front-cache refresh uses it. */
function ownOrigin(): string | undefined {
  const port = process.env.PORT
  return port ? `http://127.0.0.1:${port}` : undefined
}

function enqueue(paths: string[], { first = false } = {}): void {
  const current = state()
  const fresh = paths.filter((path) => !current.queued.has(path))
  const room = Math.max(0, maxQueued - current.queue.length)
  const taken = first ? fresh : fresh.slice(0, room)
  for (const path of taken) current.queued.add(path)
  if (first) current.queue.unshift(...taken)
  else current.queue.push(...taken)
  if (taken.length < fresh.length) console.warn(`[og] warm queue full: ${fresh.length - taken.length} image(s) left to their first request`)
  void drain()
}

async function drain(): Promise<void> {
  const current = state()
  const origin = ownOrigin()
  if (current.draining || !origin) return
  current.draining = true
  try {
    while (current.queue.length > 0) {
      // Pages first: no image starts while this process refreshes or renders purged pages, nor
      // while staff are still publishing.
      await whenPublishingPauses()
      const path = current.queue.shift()
      if (path === undefined) break
      current.queued.delete(path)
      current.warming.add(path)
      const started = Date.now()
      try {
        const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(60_000) })
        await response.arrayBuffer()
        console.log(`[og] warmed ${path} (${response.status}, ${response.headers.get('x-nextjs-cache') ?? 'no cache header'}, ${Date.now() - started} ms)`)
      } catch (error) {
        console.warn(`[og] could not warm ${path}: ${String(error).slice(0, 200)}`)
      } finally {
        current.warming.delete(path)
      }
      await sleep(pauseMs)
    }
  } finally {
    current.draining = false
  }
}

/** The newest `limit` published documents' slugs of a collection, read from the CMS anonymously. */
async function newestSlugs(collection: RoutedCollectionSlug, limit: number): Promise<string[]> {
  const query = new URLSearchParams({ depth: '0', limit: String(limit), sort: '-updatedAt', 'select[slug]': 'true' })
  const response = await fetch(`${env.cmsUrl}/api/${collection}?${query}`, { cache: 'no-store', signal: AbortSignal.timeout(15_000) })
  if (!response.ok) throw new Error(`the CMS answered ${response.status}`)
  const body = (await response.json()) as { docs?: { slug?: unknown }[] }
  return (body.docs ?? []).map((doc) => doc.slug).filter((slug): slug is string => typeof slug === 'string' && slug !== '')
}

async function warmCollections(collections: RoutedCollectionSlug[]): Promise<void> {
  for (const collection of collections) {
    try {
      const slugs = await newestSlugs(collection, env.socialImageWarm)
      enqueue(slugs.map((slug) => socialImagePath(collection, slug)))
    } catch (error) {
      console.warn(`[og] could not list ${collection} to warm their images: ${String(error).slice(0, 200)}`)
    }
  }
}

/**
 * Which images a purge made cold: a document tag → that document's image (warmed first); a
 * collection tag → the collection's newest; the site settings → every collection's newest.
 */
export function socialImagesToWarm(tags: readonly string[]): { documents: string[]; collections: RoutedCollectionSlug[] } {
  const documents: string[] = []
  const collections = new Set<RoutedCollectionSlug>()
  for (const tag of tags) {
    if (tag === globalTag(globalSlugs.siteSettings)) for (const collection of routedCollections) collections.add(collection)
    for (const collection of routedCollections) {
      if (tag === collectionTag(collection)) collections.add(collection)
      const prefix = documentTag(collection, '')
      if (tag.startsWith(prefix) && tag.length > prefix.length) documents.push(socialImagePath(collection, tag.slice(prefix.length)))
    }
  }
  return { documents, collections: [...collections] }
}

/** Warms, in the background, the images a purge of `tags` made cold. Returns at once. */
export function warmSocialImagesAfterPurge(tags: readonly string[]): void {
  if (env.socialImageWarm === 0 || !ownOrigin()) return
  const { documents, collections } = socialImagesToWarm(tags)
  if (documents.length > 0) enqueue(documents, { first: true })
  if (collections.length > 0) void whenPublishingPauses().then(() => warmCollections(collections))
}

/**
 * At start: once this server answers, the newest images of every collection (pages and services
 * first: they are what gets shared most). Once per process; a no-op without SOCIAL_IMAGE_WARM.
 */
export function warmSocialImagesAtStart(): void {
  const current = state()
  if (current.started || env.socialImageWarm === 0) return
  current.started = true
  void (async () => {
    const deadline = Date.now() + readyTimeoutMs
    let ready = false
    while (!ready && Date.now() < deadline) {
      await sleep(2000)
      const origin = ownOrigin()
      if (!origin) continue
      try {
        const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5000) })
        await response.arrayBuffer()
        ready = response.ok
      } catch {
        // not answering yet
      }
    }
    if (!ready) {
      console.warn('[og] the server did not answer its health check: no images warmed at start (they render on first request)')
      return
    }
    const order = (['pages', 'services', 'articles', 'conditions', 'exercises'] as const).filter((collection) => isRoutedCollection(collection))
    await warmCollections([...order])
  })()
}
