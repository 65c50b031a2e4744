import { env } from '@/env'
import { onPurge } from '@/lib/purge-bus'

/**
 * The names of the CMS's media files (each upload and its generated sizes), so that the image
 * optimiser is never asked for a file that does not exist (issue 18): `/_next/image?url=<CMS>/api/
 * media/file/<made-up name>` would otherwise cost a download attempt from the CMS and a log line
 * each. The proxy answers such a request with a 404 itself (src/proxy.ts).
 *
 * When in doubt, the request goes through as before. A name not in the set is refused only after a
 * read of the CMS's list that began less than 30 s ago, and after every purge of the media
 * collection (an upload, an edit or a delete: the CMS purges `collection:media`) or of everything
 * (a purge-bus reconnect); otherwise the list is read again first, once for all the requests that
 * wait for it. So a file uploaded a moment ago is served at once, and a flood of made-up names
 * costs one list read per 30 s. With the CMS unreachable (the read fails), nothing is refused.
 */

const pageSize = 100
/** A bound on one read: 100 pages of 100 uploads. */
const maxPages = 100
const freshMs = 30_000
const mediaTag = 'collection:media'

type State = {
  names?: Set<string>
  readAt: number
  /** Bumped by each purge of the media collection: a read begun before it is not fresh. */
  generation: number
  readGeneration: number
  reading?: Promise<void>
  /** After a failed read, no other before this time (a flood during a CMS outage reads nothing). */
  retryAt: number
}

const holder = globalThis as { __clinicMediaFiles?: State; __clinicMediaFilesListening?: boolean }

function state(): State {
  holder.__clinicMediaFiles ??= { readAt: 0, generation: 0, readGeneration: -1, retryAt: 0 }
  return holder.__clinicMediaFiles
}

/** Takes note of purged tags: the media collection (or everything) makes the list stale. */
export function noteMediaPurges(tags: readonly string[] | 'everything'): void {
  if (tags === 'everything' || tags.includes(mediaTag)) state().generation++
}

function followPurges(): void {
  if (holder.__clinicMediaFilesListening) return
  holder.__clinicMediaFilesListening = true
  onPurge((tags) => noteMediaPurges(tags))
}

export type MediaFileReader = () => Promise<Set<string>>

/** Every file name of every media document (the upload and each generated size). */
export const readMediaFileNames: MediaFileReader = async () => {
  const names = new Set<string>()
  for (let page = 1; page <= maxPages; page++) {
    const url = new URL('/api/media', env.cmsUrl)
    url.searchParams.set('limit', String(pageSize))
    url.searchParams.set('page', String(page))
    url.searchParams.set('sort', 'id')
    url.searchParams.set('depth', '0')
    const response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(5000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const body = (await response.json()) as { docs: { filename?: string | null; sizes?: Record<string, { filename?: string | null } | null> | null }[]; hasNextPage?: boolean }
    for (const doc of body.docs) {
      if (doc.filename) names.add(doc.filename)
      for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) names.add(size.filename)
    }
    if (!body.hasNextPage) return names
  }
  // More than the bound: not a complete list, so never used to refuse anything.
  throw new Error(`more than ${maxPages * pageSize} media documents`)
}

function read(reader: MediaFileReader): Promise<void> {
  const current = state()
  current.reading ??= (async () => {
    const generation = current.generation
    const startedAt = Date.now()
    try {
      current.names = await reader()
      current.readAt = startedAt
      current.readGeneration = generation
    } catch (error) {
      current.retryAt = Date.now() + freshMs
      console.warn(`[media-files] could not read the media list from the CMS: ${String(error).slice(0, 200)}`)
    } finally {
      current.reading = undefined
    }
  })()
  return current.reading
}

const fresh = (current: State, now: number) => current.names !== undefined && current.readGeneration === current.generation && now - current.readAt < freshMs

/**
 * True only when no media file is called `name`: the name is not in a fresh list (read again
 * first when the list is older than 30 s or a media purge came since).
 */
export async function mediaFileCertainlyMissing(name: string, reader: MediaFileReader = readMediaFileNames): Promise<boolean> {
  followPurges()
  const current = state()
  if (current.names?.has(name)) return false
  if (!fresh(current, Date.now()) && Date.now() >= current.retryAt) await read(reader)
  return fresh(current, Date.now()) && !current.names!.has(name)
}

/** For tests: forget everything. */
export function resetKnownMediaFiles(): void {
  holder.__clinicMediaFiles = undefined
}
