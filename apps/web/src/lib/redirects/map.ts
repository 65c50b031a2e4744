import { collectionSlugs, collectionTag, type Redirect } from '@clinic/cms-types'
import { unstable_cache } from 'next/cache'
import { env } from '@/env'

/** One live redirect as the site applies it. */
export type SiteRedirect = { destination: string; status: 301 | 302 }

/** Old path → redirect. */
export type RedirectMap = ReadonlyMap<string, SiteRedirect>

const emptyMap: RedirectMap = new Map()

/**
 * The redirects the CMS lets anyone read (live ones: their target is published), with only the
 * fields the site needs. Cached under the redirects collection tag, so a page request costs a
 * cache lookup, and the CMS is asked again only after a redirect changed (the CMS posts that tag
 * to /api/revalidate).
 */
export function redirectMapUrl(): string {
  const url = new URL(`/api/${collectionSlugs.redirects}`, env.cmsUrl)
  url.searchParams.set('pagination', 'false')
  url.searchParams.set('depth', '0')
  for (const field of ['from', 'destination', 'type'] satisfies (keyof Redirect)[]) url.searchParams.set(`select[${field}]`, 'true')
  return url.toString()
}

/** Builds the map from the CMS's answer; entries without a destination or a known status are skipped. */
export function parseRedirectMap(docs: Pick<Redirect, 'from' | 'destination' | 'type'>[]): RedirectMap {
  const map = new Map<string, SiteRedirect>()
  for (const doc of docs) {
    if (!doc.from || !doc.destination) continue
    const status = doc.type === '302' ? 302 : doc.type === '301' ? 301 : undefined
    if (status) map.set(doc.from, { destination: doc.destination, status })
  }
  return map
}

type Docs = Pick<Redirect, 'from' | 'destination' | 'type'>[]

/**
 * Next.js's fetch cache is not available in proxy.ts (measured: every request reached the CMS),
 * but `unstable_cache` is: it stores the answer in the server's shared incremental cache under
 * the tag, which /api/revalidate purges like every other tag.
 */
const readRedirects = unstable_cache(
  async (): Promise<Docs> => {
    const response = await fetch(redirectMapUrl(), { cache: 'no-store', signal: AbortSignal.timeout(2000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return ((await response.json()) as { docs: Docs }).docs
  },
  ['cms-redirect-map'],
  { tags: [collectionTag(collectionSlugs.redirects)], revalidate: false },
)

// The cached docs come back as a fresh copy on each call: build the map once per distinct answer.
let lastKey: string | undefined
let lastMap: RedirectMap = emptyMap
// When the CMS cannot be reached, stop asking it on every request for a little while.
let unreachableUntil = 0

/** The current redirect map; the last one known (or none) while the CMS cannot be reached. */
export async function loadRedirectMap(): Promise<RedirectMap> {
  if (Date.now() < unreachableUntil) return lastMap
  try {
    const docs = await readRedirects()
    const key = JSON.stringify(docs)
    if (key !== lastKey) {
      lastMap = parseRedirectMap(docs)
      lastKey = key
    }
    return lastMap
  } catch (error) {
    unreachableUntil = Date.now() + 10_000
    console.warn(`[redirects] could not read the redirect map from the CMS: ${String(error)}`)
    return lastMap
  }
}
