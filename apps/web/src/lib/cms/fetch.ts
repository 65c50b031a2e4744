import 'server-only'
import { previewReaderCredential, previewReaderHeader } from '@clinic/cms-types/preview-grant'
import { connection } from 'next/server'
import { env } from '@/env'
import { markCmsAnswered, markCmsUnavailable } from './availability'
import { renderOnFirstRequest } from './build-without-cms'

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
    response = await fetchFromCms(url, init)
  } catch (error) {
    markCmsUnavailable()
    await renderOnFirstRequestIfBuilding()
    throw new CmsUnavailableError(path, error)
  }
  if (!response.ok) {
    // 4xx from a well-formed query means "nothing there" to callers; 5xx means the CMS is unwell.
    if (response.status >= 500) {
      markCmsUnavailable()
      await renderOnFirstRequestIfBuilding()
      throw new CmsUnavailableError(path, `HTTP ${response.status}`)
    }
    throw new CmsRequestError(path, response.status)
  }
  markCmsAnswered()
  return (await response.json()) as T
}

// A production CMS answers in milliseconds; 8 s is a CMS in trouble, and the visitor is waiting.
const productionTimeoutMs = 8000
// `pnpm dev` starts both apps at once: the CMS compiles, migrates and seeds for a minute or more
// while the site's first page is already asking. In development the site waits for it (retrying
// a refused connection) instead of showing the error page.
const developmentPatienceMs = 180_000

async function fetchFromCms(url: string, init: RequestInit): Promise<Response> {
  if (env.nodeEnv !== 'development') return fetch(url, { ...init, signal: AbortSignal.timeout(productionTimeoutMs) })
  const started = Date.now()
  const deadline = started + developmentPatienceMs
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())) })
      // The CMS's dev server may answer 5xx while it compiles or migrates: retried briefly only, so
      // a real error in development still shows within half a minute.
      if (response.status < 500 || Date.now() - started > 30_000) return response
    } catch (error) {
      if (Date.now() >= deadline) throw error
    }
    if (attempt === 0) console.info(`[cms] waiting for the CMS at ${env.cmsUrl} (is it still starting?)`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/**
 * `next build` prerenders the routes without params (home, lists, sitemap, feed). If the CMS cannot
 * answer then, the route must not be frozen with empty content, nor left rendered per request
 * until the next build (13× slower): it is rendered on its first request and then cached until its
 * tags are purged, like every page rendered at run time (see build-without-cms.ts).
 */
async function renderOnFirstRequestIfBuilding(): Promise<void> {
  if (!env.isBuildPhase) return
  // Only if Next.js's prerender store is not what build-without-cms.ts expects (a Next.js upgrade
  // changed it): fall back to rendering per request, slower but never wrong.
  if (!renderOnFirstRequest()) await connection()
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
