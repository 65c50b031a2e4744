import { ValidationError, type CollectionBeforeOperationHook, type CollectionSlug, type Payload, type PayloadRequest, type Where } from 'payload'

/** Whether the document is live and its latest version is an unpublished draft or autosave. */
async function isLiveWithPendingDraft(payload: Payload, collection: CollectionSlug, id: number | string, req: PayloadRequest): Promise<boolean> {
  const live = await payload.db.findOne<{ id: number | string; _status?: string }>({ collection, where: { id: { equals: id } }, select: { _status: true }, req })
  if (live?._status !== 'published') return false
  const { docs } = await payload.db.findVersions<{ _status?: string }>({
    collection,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  })
  return docs[0]?.version?._status === 'draft'
}

/**
 * An update that names no `_status` and is not a draft save (`?draft=true`) is built by Payload on
 * the document's latest version. When that version is an unpublished draft or autosave of a live
 * document, Payload saves the whole document as a draft and takes it off the site. Rather than
 * guess (un-publish, or publish someone's half-finished draft with the change), such an update is
 * refused with a 400 that asks for an explicit choice. REST, GraphQL and the Local API all run
 * collection operations, so they all reach this hook. Updates of documents without a pending
 * draft are unaffected: they stay published, as before.
 */
export const refuseAccidentalUnpublish: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'update') return args
  const { data, draft, id, where } = args as { data?: Record<string, unknown>; draft?: boolean; id?: number | string; where?: Where }
  if (!data || typeof data !== 'object' || data._status !== undefined || draft) return args
  const slug = collection.slug as CollectionSlug
  let ids: Array<number | string>
  if (id !== undefined) ids = [id]
  else if (where) {
    const { docs } = await req.payload.find({ collection: slug, where, depth: 0, limit: 1000, overrideAccess: true, req, select: {} })
    ids = docs.map((doc) => doc.id)
  } else return args
  for (const docId of ids) {
    if (!(await isLiveWithPendingDraft(req.payload, slug, docId, req))) continue
    throw new ValidationError({
      collection: slug,
      errors: [
        {
          path: '_status',
          message:
            'This document is live and has unpublished changes (a draft or an autosave), so this update must say what to do with them: ' +
            'send "_status": "published" to publish your change together with the draft, or save it into the draft with ?draft=true ' +
            '(the live version stays as it is).',
        },
      ],
    })
  }
  return args
}
