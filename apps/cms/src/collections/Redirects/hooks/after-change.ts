import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { collectionTag } from '@clinic/cms-types'
import { sendRevalidation } from '@/lib/site-purge'
import type { RedirectData } from '../lookups'
import { refreshRedirect } from './resolve-destination'

/**
 * Keeps every chain one hop long after a change: redirects that led to this one's "from" are
 * re-saved, so they now lead straight to its destination. Then the site's redirect map is purged.
 */
export const collapseChainsAndRevalidate: CollectionAfterChangeHook = async ({ doc, req }) => {
  const redirect = doc as RedirectData
  if (redirect.from) {
    const { docs } = await req.payload.find({
      collection: 'redirects',
      where: { and: [{ destination: { equals: redirect.from } }, { id: { not_equals: redirect.id } }] },
      overrideAccess: true,
      depth: 0,
      pagination: false,
      req,
    })
    for (const earlier of docs) {
      await refreshRedirect(req, earlier.id)
    }
  }
  await sendRevalidation([collectionTag('redirects')], req)
  return doc
}

export const revalidateRedirectsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await sendRevalidation([collectionTag('redirects')], req)
  return doc
}
