import 'server-only'
import { previewReaderCredential, previewReaderHeader } from '@clinic/cms-types/preview-grant'
import { connection } from 'next/server'
import { env } from '@/env'

/** Thrown when the CMS cannot be reached or answers with a server error. */
export class CmsUnavailableError extends Error {
  constructor(path: string, cause?: unknown) {
    super(`The CMS did not answer for ${path}`, { cause })
    this.name = 'CmsUnavailableError'
  }
}

export type Query = Record<string, string | number | boolean | undefined>

export function cmsApiUrl(path: string, query: Query = {}): string {
  const url = new URL(`/api/${path.replace(/^\//, '')}`, env.cmsUrl)
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url.toString()
}

type ReadOptions = {
  /** Cache tags from @clinic/cms-types: one per collection or global, one per document. */
  tags: string[]
  query?: Query
  /** Read the latest draft instead of the published version (an editor's preview only). */
  draft?: boolean
}

/**
 * Reads JSON from the CMS REST API. Published reads are cached forever under `tags` and purged by
 * `/api/revalidate`. `draft: true` (only for the one document of an editor's preview, see
 * queries.ts) reads the latest draft, fresh, with the site's server-side draft-reader credential.
 */
export async function cmsRead<T>(path: string, { tags, query = {}, draft = false }: ReadOptions): Promise<T> {
  const url = cmsApiUrl(path, draft ? { ...query, draft: 'true' } : query)
  const init: RequestInit = draft
    ? { cache: 'no-store', headers: { [previewReaderHeader]: previewReaderCredential(env.previewSecret) } }
    : // Cached until the CMS names one of `tags` (see /api/revalidate), whether read at build or later.
      { cache: 'force-cache', next: { tags, revalidate: false } }

  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(8000) })
  } catch (error) {
    await renderAtRequestTimeIfBuilding()
    throw new CmsUnavailableError(path, error)
  }
  if (!response.ok) {
    // 4xx from a well-formed query means "nothing there" to callers; 5xx means the CMS is unwell.
    if (response.status >= 500) {
      await renderAtRequestTimeIfBuilding()
      throw new CmsUnavailableError(path, `HTTP ${response.status}`)
    }
    throw new CmsRequestError(path, response.status)
  }
  return (await response.json()) as T
}

/**
 * `next build` prerenders the routes without params (home, lists, sitemap). If the CMS cannot
 * answer then, prerendering them would freeze empty pages into the cache, served to the first
 * visitors. Instead `connection()` tells Next.js that this route must be rendered per request: the
 * build still succeeds, and every request renders real content, its CMS reads still served from the
 * tagged data cache (so the CMS is asked once per tag purge, not per visit). The route stays that
 * way until the next build with the CMS up, which prerenders it again.
 *
 * During a prerender `connection()` throws Next.js's own "dynamic usage" signal. Next.js records
 * the bail-out on the route before throwing, so it holds even where a caller swallows every error
 * to show a fallback (the layout's header and footer do).
 *
 * With `dynamic = 'force-static'` `connection()` is a no-op, so no route that reads the CMS uses it.
 */
async function renderAtRequestTimeIfBuilding(): Promise<void> {
  if (env.isBuildPhase) await connection()
}

/** The CMS refused a request (4xx): a bug in the query or a missing document. */
export class CmsRequestError extends Error {
  constructor(
    path: string,
    readonly status: number,
  ) {
    super(`The CMS answered ${status} for ${path}`)
    this.name = 'CmsRequestError'
  }
}
