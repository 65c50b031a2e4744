import { createLocalReq, type CollectionSlug, type Field, type GlobalSlug, type Payload, type PayloadRequest } from 'payload'
import {
  assertTransferDump,
  jobsCollection,
  type Id,
  type JsonDoc,
  type TransferDump,
  type VersionRecord,
} from './format'
import { remapReferences, type DroppedReference, type Resolver } from './references'
import { describeDocument, ImportFailedError, writing } from './errors'

export interface CollectionImportReport {
  docs: number
  versions: number
  /** Documents written twice because they point at documents created after them (cycles). */
  secondPass: number
}

export interface ImportReport {
  source: TransferDump['source']
  target: { adapter: string; idType: 'number' | 'text' }
  collections: Record<string, CollectionImportReport>
  globals: Record<string, { saved: boolean; versions: number }>
  /** References the source itself held to documents it did not have: cleared on the target. */
  dropped: Array<DroppedReference & { in: string }>
  warnings: string[]
  /** True when the whole import ran in one transaction (SQLite, MongoDB replica sets). */
  transactional: boolean
}

/** Thrown when the target database already holds content; nothing has been written. */
export class TargetNotEmptyError extends Error {
  constructor(readonly found: string[]) {
    super(
      `The target database is not empty, so nothing was imported:\n  ${found.join('\n  ')}\n` +
        'Import only into an empty database: a new SQLite file (DATABASE_URI=file:...) or a new MongoDB database name.',
    )
    this.name = 'TargetNotEmptyError'
  }
}

/** Lists what the target already holds in the collections and globals the dump would fill. */
async function occupied(payload: Payload, dump: TransferDump): Promise<string[]> {
  const found: string[] = []
  for (const { slug, versions } of dump.collections) {
    const collection = slug as CollectionSlug
    const { totalDocs } = await payload.db.count({ collection })
    if (totalDocs > 0) found.push(`${slug}: ${totalDocs} document(s)`)
    if (versions) {
      const { totalDocs: versionCount } = await payload.db.countVersions({ collection })
      if (versionCount > 0) found.push(`${slug}: ${versionCount} version(s)`)
    }
  }
  for (const { slug, versions } of dump.globals) {
    const doc = (await payload.db.findGlobal({ slug })) as JsonDoc | null
    if (doc && Object.keys(doc).length > 0) found.push(`global ${slug}: already saved`)
    if (versions) {
      const { totalDocs } = await payload.db.countGlobalVersions({ global: slug })
      if (totalDocs > 0) found.push(`global ${slug}: ${totalDocs} version(s)`)
    }
  }
  return found
}

interface MongoModels {
  collections?: Record<string, { deleteMany: (filter: object) => Promise<unknown> }>
  versions?: Record<string, { deleteMany: (filter: object) => Promise<unknown> }>
  globals?: { deleteMany: (filter: object) => Promise<unknown> }
}

/**
 * Removes every document, version and global the dump would have written (used when an import
 * without a transaction fails: `importDatabase` only writes into an empty target).
 */
async function emptyWhatTheImportTouched(payload: Payload, dump: TransferDump): Promise<void> {
  const models = payload.db as unknown as MongoModels
  for (const { slug, versions } of dump.collections) {
    const model = models.collections?.[slug]
    if (model) await model.deleteMany({})
    else await payload.db.deleteMany({ collection: slug as CollectionSlug, where: {} })
    if (versions) {
      const versionModel = models.versions?.[slug]
      if (versionModel) await versionModel.deleteMany({})
      else await payload.db.deleteVersions({ collection: slug as CollectionSlug, where: {} })
    }
  }
  for (const { slug } of dump.globals) {
    if (!models.globals) throw new Error('This adapter cannot remove a global.')
    await models.globals.deleteMany({ globalType: slug })
    await models.versions?.[slug]?.deleteMany({})
  }
}

/** Checks that the target CMS has every collection and global the dump holds. */
function assertCompatible(payload: Payload, dump: TransferDump): void {
  const missing = [
    ...dump.collections.filter(({ slug }) => !payload.collections[slug as CollectionSlug]).map(({ slug }) => `collection ${slug}`),
    ...dump.globals.filter(({ slug }) => !payload.config.globals.some((global) => global.slug === slug)).map(({ slug }) => `global ${slug}`),
  ]
  if (missing.length > 0) {
    throw new Error(`The transfer file holds content this CMS has no place for: ${missing.join(', ')}. Nothing was imported.`)
  }
}

/** The target's config for a collection the dump holds (checked by `assertCompatible`). */
function fieldsOf(payload: Payload, slug: string): Field[] {
  const collection = payload.collections[slug as CollectionSlug]
  if (!collection) throw new Error(`This CMS has no collection ${slug}.`)
  return collection.config.fields
}

/** The top-level unique fields (slug, email) a document fills in. */
const uniqueFilled = (fields: Field[], data: Record<string, unknown>): string[] =>
  fields
    .filter((field): field is Field & { name: string; unique: true } => 'name' in field && 'unique' in field && field.unique === true)
    .map((field) => field.name)
    .filter((name) => data[name] !== undefined && data[name] !== null && data[name] !== '')

const withoutId = (doc: JsonDoc): Record<string, unknown> => {
  const { id: _id, ...rest } = structuredClone(doc)
  return rest
}

/**
 * Writes the content of a transfer file into the database Payload is connected to, which must be
 * empty. Documents are created through the database adapter (no hooks, no validation: timestamps,
 * `_status`, password hashes and array/block row ids are copied as they are); the target assigns
 * new ids and every reference is rewritten to them, wherever it sits (see `remapReferences`).
 *
 * Pass 1 creates the documents in the dump's order, with references to documents not created yet
 * left out; pass 2 writes those documents again with every reference in place (cycles such as
 * conditions ↔ articles); then the versions are recreated under their new parents, keeping which
 * one is the latest, and finally the globals.
 */
export async function importDatabase(payload: Payload, dumpInput: unknown, options: { log?: (line: string) => void } = {}): Promise<ImportReport> {
  assertTransferDump(dumpInput)
  const dump = dumpInput
  const log = options.log ?? (() => undefined)
  assertCompatible(payload, dump)
  if (payload.config.localization) {
    throw new Error('Importing into a localized CMS is not supported yet.')
  }
  const found = await occupied(payload, dump)
  if (found.length > 0) throw new TargetNotEmptyError(found)

  const report: ImportReport = {
    source: dump.source,
    target: { adapter: payload.db.name, idType: payload.db.defaultIDType },
    collections: {},
    globals: {},
    dropped: [],
    warnings: [],
    transactional: false,
  }

  // Old id → new id, per collection. Ids are compared as text: a job input keeps them as strings.
  const known = new Map(dump.collections.map(({ slug, docs }) => [slug, new Set(docs.map((doc) => String(doc.id)))]))
  const idMap = new Map(dump.collections.map(({ slug }) => [slug, new Map<string, Id>()]))
  const resolve: Resolver = (collection, id) => {
    const mapped = idMap.get(collection)?.get(String(id))
    if (mapped !== undefined) return { status: 'mapped', id: mapped }
    return known.get(collection)?.has(String(id)) ? { status: 'pending' } : { status: 'missing' }
  }

  const req: Partial<PayloadRequest> = await createLocalReq({}, payload)
  const transactionID = await payload.db.beginTransaction()
  if (transactionID !== null && transactionID !== undefined) {
    req.transactionID = transactionID
    report.transactional = true
  }

  /**
   * Rewrites the references of one document (or version) of `collection`, in place. Dangling ones
   * are reported under `where` when given (pass 2 passes none: pass 1 reported them already).
   */
  const remap = (collection: string, data: Record<string, unknown>, fields: Field[], where?: string) => {
    const result = remapReferences(data, fields, { resolve, config: payload.config, req })
    // A job's input is JSON described by its task's (or workflow's) input schema.
    if (collection === jobsCollection && data.input && typeof data.input === 'object') {
      const input = data.input as Record<string, unknown>
      const schema =
        payload.config.jobs.tasks?.find((task) => task.slug === data.taskSlug)?.inputSchema ??
        payload.config.jobs.workflows?.find((workflow) => workflow.slug === data.workflowSlug)?.inputSchema
      if (schema) {
        const inInput = remapReferences(input, schema, { resolve, config: payload.config, req })
        result.pending ||= inInput.pending
        result.dropped.push(...inInput.dropped.map((dropped) => ({ ...dropped, path: `input.${dropped.path}` })))
      }
      // Payload keeps a scheduled publish's document id as text, whatever the database (payload#10481).
      const doc = input.doc as { value?: unknown } | undefined
      if (data.taskSlug === 'schedulePublish' && doc && doc.value !== null && doc.value !== undefined) doc.value = String(doc.value)
    }
    if (where) report.dropped.push(...result.dropped.map((dropped) => ({ ...dropped, in: where })))
    return result
  }

  try {
    // Pass 1: create every document; references to documents not created yet wait for pass 2.
    const secondPass: Array<{ slug: string; doc: JsonDoc }> = []
    for (const { slug, docs } of dump.collections) {
      const collection = slug as CollectionSlug
      const fields = fieldsOf(payload, slug)
      const counts = (report.collections[slug] = { docs: 0, versions: 0, secondPass: 0 })
      for (const doc of docs) {
        const data = withoutId(doc)
        const { pending } = remap(slug, data, fields, `${slug} ${String(doc.id)}`)
        const created = (await writing(describeDocument(slug, doc), () => payload.db.create({ collection, data, req }), uniqueFilled(fields, data))) as JsonDoc
        if (created.id === undefined) throw new Error(`The database gave no id for a new ${slug} document.`)
        idMap.get(slug)!.set(String(doc.id), created.id)
        counts.docs += 1
        if (pending) secondPass.push({ slug, doc })
      }
      log(`${slug}: ${docs.length} document(s) created`)
    }

    // Pass 2: every document exists now; write the ones that waited with all their references.
    for (const { slug, doc } of secondPass) {
      const collection = slug as CollectionSlug
      const data = withoutId(doc)
      remap(slug, data, fieldsOf(payload, slug))
      await writing(
        describeDocument(slug, doc),
        () => payload.db.updateOne({ collection, id: idMap.get(slug)!.get(String(doc.id))!, data, req, returning: false }),
        uniqueFilled(fieldsOf(payload, slug), data),
      )
      report.collections[slug]!.secondPass += 1
    }
    if (secondPass.length > 0) log(`second pass: ${secondPass.length} document(s) completed with references to documents created after them`)

    // Versions, under their new parents.
    for (const { slug, versions } of dump.collections) {
      if (!versions?.length) continue
      const collection = slug as CollectionSlug
      const fields = fieldsOf(payload, slug)
      const counts = report.collections[slug]!
      const wantLatest = new Map<Id, { latest: boolean; args: Parameters<Payload['db']['createVersion']>[0] }>()
      for (const version of versions) {
        const parent = version.parent === undefined ? undefined : resolve(slug, version.parent)
        if (parent?.status !== 'mapped') {
          report.warnings.push(`${slug}: version ${String(version.id)} belongs to no document in the source (parent ${String(version.parent)}); left out`)
          continue
        }
        const versionData = structuredClone(version.version)
        remap(slug, versionData, fields, `${slug} version ${String(version.id)}`)
        const args: Parameters<Payload['db']['createVersion']>[0] = {
          collectionSlug: collection,
          parent: parent.id,
          versionData,
          autosave: Boolean(version.autosave),
          createdAt: version.createdAt,
          updatedAt: version.updatedAt,
          ...(version.publishedLocale ? { publishedLocale: version.publishedLocale } : {}),
          ...(version.snapshot ? { snapshot: true as const } : {}),
          req,
        }
        // createVersion is handed its own copy: the MongoDB adapter rewrites the data it is given.
        const created = await writing(describeDocument(slug, version, 'version'), () =>
          payload.db.createVersion({ ...args, versionData: structuredClone(versionData) }),
        )
        wantLatest.set(created.id, { latest: Boolean(version.latest), args })
        counts.versions += 1
      }
      // createVersion marks each new version the latest of its document and clears older ones;
      // put the source's flags back where that differs (e.g. equal timestamps).
      const { docs: nowLatest } = await payload.db.findVersions({
        collection,
        where: { latest: { equals: true } },
        limit: 0,
        pagination: false,
        req,
      })
      const latestNow = new Set(nowLatest.map((version) => String(version.id)))
      for (const [id, { latest, args }] of wantLatest) {
        if (latestNow.has(String(id)) === latest) continue
        await writing(`${slug} version ${String(id)} (its "latest" flag)`, () => payload.db.updateVersion({
          collection,
          id,
          versionData: {
            version: structuredClone(args.versionData),
            parent: args.parent,
            createdAt: args.createdAt,
            updatedAt: args.updatedAt,
            latest,
          },
          req,
          returning: false,
        }))
      }
      log(`${slug}: ${counts.versions} version(s) created`)
    }

    // Globals and their versions.
    for (const { slug, doc, versions } of dump.globals) {
      const globalSlug = slug as GlobalSlug
      const config = payload.config.globals.find((global) => global.slug === slug)!
      const counts = (report.globals[slug] = { saved: false as boolean, versions: 0 })
      if (doc) {
        const { globalType: _globalType, ...data } = withoutId(doc)
        remap(slug, data, config.fields, `global ${slug}`)
        // An upserting updateGlobal rather than createGlobal: the SQL adapters' createGlobal stamps
        // createdAt with the current time, their updateGlobal creates the row with the given one.
        await writing(`global ${slug}`, () => payload.db.updateGlobal({ slug: globalSlug, data, options: { upsert: true }, req, returning: false }))
        const written = (await payload.db.findGlobal({ slug: globalSlug, req })) as JsonDoc | null
        if (!written || Object.keys(written).length === 0) throw new Error(`The global ${slug} could not be written.`)
        if (written.createdAt !== doc.createdAt) report.warnings.push(`global ${slug}: its creation time could not be kept`)
        counts.saved = true
      }
      for (const version of (versions ?? []) as VersionRecord[]) {
        const versionData = structuredClone(version.version)
        remap(slug, versionData, config.fields, `global ${slug} version ${String(version.id)}`)
        await writing(describeDocument(`global ${slug}`, version, 'version'), () => payload.db.createGlobalVersion({
          globalSlug,
          versionData,
          autosave: Boolean(version.autosave),
          createdAt: version.createdAt,
          updatedAt: version.updatedAt,
          ...(version.publishedLocale ? { publishedLocale: version.publishedLocale } : {}),
          ...(version.snapshot ? { snapshot: true as const } : {}),
          req,
          returning: false,
        }))
        counts.versions += 1
      }
      log(`global ${slug}: ${doc ? 'saved' : 'never saved on the source, left empty'}${versions?.length ? `, ${versions.length} version(s)` : ''}`)
    }

    if (req.transactionID) await payload.db.commitTransaction(req.transactionID)
  } catch (error) {
    let rolledBack = false
    if (req.transactionID) {
      await payload.db.rollbackTransaction(req.transactionID)
      rolledBack = true
    } else {
      // No transaction (a standalone MongoDB server): the target was empty, so emptying what the
      // import touched puts it back as it was.
      rolledBack = await emptyWhatTheImportTouched(payload, dump).then(
        () => true,
        () => false,
      )
    }
    throw new ImportFailedError(error, rolledBack)
  }
  return report
}
