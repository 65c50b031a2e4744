/** The shape of a transfer file: everything in one JSON document. */

export const transferFormat = 'clinic-cms-transfer'
export const transferFormatVersion = 1

/**
 * Payload's own collections that are not content, and why they are left behind. Everything else
 * in the config (including any collection added later) is exported.
 */
export const skippedCollections: Record<string, string> = {
  'payload-preferences':
    'admin UI state per staff account (list columns, collapsed groups); rebuilt as staff use the admin, and its keys embed document ids that would not match',
  'payload-locked-documents': 'short-lived "someone is editing this" locks; they expire by themselves',
  'payload-migrations':
    'records which schema migrations ran on that database; the target keeps its own record (SQLite applies its migrations on start, MongoDB has none)',
  'payload-kv': 'a key-value cache for plugins; nothing in this CMS keeps content there',
}

/** Payload's own globals that are not content, and why they are left behind. */
export const skippedGlobals: Record<string, string> = {
  'payload-jobs-stats': 'when each scheduled job (the weekly medical-review email) was last queued; the target schedules afresh',
}

/**
 * `payload-jobs` is exported only in part: jobs still waiting to run (e.g. a scheduled publish)
 * are content, finished and failed ones are run history.
 */
export const jobsCollection = 'payload-jobs'

export type Id = number | string
export type JsonDoc = Record<string, unknown> & { id?: Id }

export interface VersionRecord {
  id: Id
  parent?: Id
  version: Record<string, unknown>
  createdAt: string
  updatedAt: string
  latest?: boolean
  autosave?: boolean
  snapshot?: boolean
  publishedLocale?: string
}

export interface CollectionDump {
  slug: string
  docs: JsonDoc[]
  /** Present for collections with versions (drafts), in the order they were made. */
  versions?: VersionRecord[]
  /** Why some documents were left out, when some were (only `payload-jobs`). */
  note?: string
}

export interface GlobalDump {
  slug: string
  /** `null` when the global was never saved on the source. */
  doc: JsonDoc | null
  versions?: VersionRecord[]
}

export interface TransferDump {
  format: typeof transferFormat
  formatVersion: typeof transferFormatVersion
  exportedAt: string
  source: { adapter: string; packageName: string; idType: 'number' | 'text' }
  /** Collections in the order they are best created: documents that others point at come first. */
  collections: CollectionDump[]
  globals: GlobalDump[]
  skippedCollections: Record<string, string>
}

export interface CollectionCount {
  docs: number
  versions: number
}

export const mediaFilesNote =
  'Media files are not in the transfer file: only their records are. Copy the upload folder (MEDIA_DIR, by default apps/cms/media) to the target as well.'

/** Throws a readable error when `value` is not a transfer file this code can read. */
export function assertTransferDump(value: unknown): asserts value is TransferDump {
  const dump = value as Partial<TransferDump> | null
  if (!dump || typeof dump !== 'object' || dump.format !== transferFormat) {
    throw new Error(`This is not a CMS transfer file (expected "format": "${transferFormat}").`)
  }
  if (dump.formatVersion !== transferFormatVersion) {
    throw new Error(
      `This transfer file has format version ${String(dump.formatVersion)}; this CMS reads version ${transferFormatVersion}.`,
    )
  }
  if (!Array.isArray(dump.collections) || !Array.isArray(dump.globals)) {
    throw new Error('This transfer file is incomplete: it has no "collections" or "globals" list.')
  }
}
