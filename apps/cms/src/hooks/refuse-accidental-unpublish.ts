import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

/**
 * An update that names no `_status` and is not a draft save (`?draft=true`) is built by Payload on
 * the document's latest version. When that version is an unpublished draft or autosave of a live
 * document, Payload would save the whole document as a draft and take it off the site. Rather than
 * guess (un-publish, or publish someone's half-finished draft with it), such an update is refused
 * with a 400 that asks for an explicit choice. REST, GraphQL and the Local API all reach this hook.
 * Updates of documents without a pending draft are unaffected: they stay published, as before.
 */
export const refuseAccidentalUnpublish: CollectionBeforeValidateHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !data || data._status !== undefined || !originalDoc) return data
  if (originalDoc._status !== 'draft') return data
  const live = await req.payload.db.findOne<{ id: number | string; _status?: string }>({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    req,
  })
  if (live?._status !== 'published') return data
  throw new ValidationError({
    collection: collection.slug,
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
