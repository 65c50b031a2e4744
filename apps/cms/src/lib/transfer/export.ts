import type { CollectionSlug, GlobalSlug, Payload, SanitizedCollectionConfig } from 'payload'
import {
  jobsCollection,
  skippedCollections,
  skippedGlobals,
  transferFormat,
  transferFormatVersion,
  type CollectionDump,
  type GlobalDump,
  type JsonDoc,
  type TransferDump,
  type VersionRecord,
} from './format'
import { referencedCollections } from './references'

/**
 * Orders collections so that the ones others point at come first (a depth-first walk of the
 * "points at" graph). Cycles (conditions ↔ articles) cannot be ordered away; the import's second
 * pass fills in those references.
 */
export function creationOrder(payload: Payload, collections: SanitizedCollectionConfig[]): SanitizedCollectionConfig[] {
  const bySlug = new Map(collections.map((collection) => [collection.slug, collection]))
  const ordered: SanitizedCollectionConfig[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (collection: SanitizedCollectionConfig) => {
    if (state.has(collection.slug)) return
    state.set(collection.slug, 'visiting')
    for (const slug of referencedCollections(collection.fields, payload.config)) {
      const target = bySlug.get(slug)
      if (target && slug !== collection.slug) visit(target)
    }
    state.set(collection.slug, 'done')
    ordered.push(collection)
  }
  for (const collection of collections) visit(collection)
  return ordered
}

/** JSON-safe copy: dates as ISO strings, ObjectIds and anything else with a toJSON as its JSON form. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** A job that still has to run (e.g. a scheduled publish); finished and failed ones are history. */
function isPendingJob(doc: JsonDoc): boolean {
  return !doc.completedAt && !doc.hasError
}

/**
 * Reads everything from the database Payload is connected to, through the database adapter
 * (no hooks, no access control, hidden fields such as password hashes included): every document
 * of every collection as stored (the published state, or the draft for never-published ones),
 * every version (drafts, autosaves, published snapshots), and every global with its versions.
 */
export async function exportDatabase(payload: Payload): Promise<TransferDump> {
  if (payload.config.localization) {
    throw new Error('Exporting a localized CMS is not supported yet: this export reads one locale.')
  }
  const included = payload.config.collections.filter((collection) => !(collection.slug in skippedCollections))
  const collections: CollectionDump[] = []
  for (const config of creationOrder(payload, included)) {
    const slug = config.slug as CollectionSlug
    const { docs } = await payload.db.find<JsonDoc>({ collection: slug, limit: 0, pagination: false, sort: 'createdAt' })
    const dump: CollectionDump = { slug, docs: plain(docs) }
    if (slug === jobsCollection) {
      dump.docs = dump.docs.filter(isPendingJob)
      dump.note = `${docs.length - dump.docs.length} finished or failed jobs left out (run history)`
    }
    if (config.versions) {
      const { docs: versions } = await payload.db.findVersions({
        collection: slug,
        limit: 0,
        pagination: false,
        sort: 'createdAt',
      })
      dump.versions = plain(versions) as unknown as VersionRecord[]
    }
    collections.push(dump)
  }

  const globals: GlobalDump[] = []
  for (const config of payload.config.globals.filter((global) => !(global.slug in skippedGlobals))) {
    const slug = config.slug as GlobalSlug
    const doc = (await payload.db.findGlobal({ slug })) as JsonDoc | null
    const dump: GlobalDump = { slug, doc: doc && Object.keys(doc).length > 0 ? plain(doc) : null }
    if (config.versions) {
      const { docs: versions } = await payload.db.findGlobalVersions({
        global: slug,
        limit: 0,
        pagination: false,
        sort: 'createdAt',
      })
      dump.versions = plain(versions) as unknown as VersionRecord[]
    }
    globals.push(dump)
  }

  return {
    format: transferFormat,
    formatVersion: transferFormatVersion,
    exportedAt: new Date().toISOString(),
    source: { adapter: payload.db.name, packageName: payload.db.packageName, idType: payload.db.defaultIDType },
    collections,
    globals,
    skippedCollections,
  }
}
