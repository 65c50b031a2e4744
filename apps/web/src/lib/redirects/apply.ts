import { env } from '@/env'
import { loadRedirectMap, type RedirectMap } from './map'

/** The path as redirects store it: no trailing slash. */
export const lookupKey = (pathname: string): string => pathname.replace(/\/+$/, '') || '/'

/**
 * The Location for a redirect: external addresses as the CMS holds them, site paths on the site's
 * public address, with the visitor's query string (campaign tags) carried over.
 */
export function locationFor(destination: string, search: string): string {
  const url = new URL(destination, `${env.siteUrl}/`)
  if (search && !url.search) url.search = search
  return url.toString()
}

/** The redirect response for this request, if a redirect matches its path. */
export function redirectResponse(map: RedirectMap, pathname: string, search: string): Response | undefined {
  const match = map.get(lookupKey(pathname))
  if (!match) return undefined
  return new Response(null, {
    status: match.status,
    headers: {
      Location: locationFor(match.destination, search),
      // Like pages: a shared cache may keep it a second, browsers ask again (a redirect can be removed).
      'Cache-Control': 'public, max-age=0, s-maxage=1, stale-while-revalidate=1',
    },
  })
}

/** Applies the CMS's redirects to a GET or HEAD request; undefined lets the request through. */
export async function applyRedirects(request: Request): Promise<Response | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
  const url = new URL(request.url)
  const map = await loadRedirectMap()
  if (map.size === 0) return undefined
  return redirectResponse(map, url.pathname, url.search)
}
