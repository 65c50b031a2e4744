import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { routedCollections, sitePath, type RoutedCollectionSlug } from '@clinic/cms-types'
import { publishedDoc, publishedPath } from '@/collections/Redirects/lookups'
import { refreshRedirect } from '@/collections/Redirects/hooks/resolve-destination'

/**
 * Keeps redirects true when documents move: a published page whose slug changes gets a redirect
 * from its old address; redirects that lead to a document follow its slug and switch off while it
 * is unpublished; a redirect from an address that a page now occupies is removed (the page wins).
 */

const isRouted = (slug: string): slug is RoutedCollectionSlug => (routedCollections as readonly string[]).includes(slug)
const contextKey = (collection: string, id: number | string) => `publishedSlugBefore:${collection}:${id}`

type Versioned = { id: number | string; slug?: string | null; _status?: string | null; title?: string; name?: string }

/** Notes the slug the public sees now (the published version, not the latest draft), before a publish replaces it. */
export const rememberPublishedSlug: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || !isRouted(collection.slug)) return data
  if ((data as Versioned)._status !== 'published') return data
  const { docs } = await req.payload.find({
    collection: collection.slug,
    where: { id: { equals: (originalDoc as Versioned).id } },
    draft: false,
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
    // The slug and status only, not the whole document (issue 17: time before a publish shows).
    select: { slug: true, _status: true },
    req,
  })
  const live = docs[0] as Versioned | undefined
  if (live?._status === 'published' && live.slug) req.context[contextKey(collection.slug, live.id)] = live.slug
  return data
}

async function upsertAutomaticRedirect(req: PayloadRequest, collection: RoutedCollectionSlug, doc: Versioned, oldSlug: string) {
  const from = sitePath(collection, oldSlug)
  const to = { type: 'reference' as const, reference: { relationTo: collection, value: doc.id } }
  const note = `Added automatically when “${doc.title ?? doc.name ?? doc.slug}” moved from ${from} to ${sitePath(collection, doc.slug ?? '')}.`
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  const existing = docs[0]
  if (existing) {
    await req.payload.update({ collection: 'redirects', id: existing.id, data: { to, note, automatic: true }, overrideAccess: true, req })
  } else {
    await req.payload.create({ collection: 'redirects', data: { from, to, type: '301', note, automatic: true }, overrideAccess: true, req })
  }
}

export const redirectMovedDocuments: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  if (!isRouted(collection.slug)) return doc
  const current = doc as Versioned
  const key = contextKey(collection.slug, current.id)
  const oldSlug = req.context[key] as string | undefined
  delete req.context[key]
  try {
    if (current._status === 'published' && current.slug) {
      // The page now lives at its address: a redirect from there would hide it.
      await req.payload.delete({
        collection: 'redirects',
        where: { from: { equals: sitePath(collection.slug, current.slug) } },
        overrideAccess: true,
        req,
      })
      if (oldSlug && oldSlug !== current.slug) await upsertAutomaticRedirect(req, collection.slug, current, oldSlug)
    }
    // Redirects that lead to this document follow its new address, or switch off while it is a draft.
    const { docs } = await req.payload.find({
      collection: 'redirects',
      where: { and: [{ 'to.reference.relationTo': { equals: collection.slug } }, { 'to.reference.value': { equals: current.id } }] },
      overrideAccess: true,
      depth: 0,
      pagination: false,
      req,
    })
    if (docs.length > 0) {
      // Only where it changes anything: a draft save (an autosave every few seconds) changes nothing the public sees.
      const livePath = publishedPath(collection.slug, await publishedDoc(req, collection.slug, current.id)) ?? null
      for (const redirect of docs) if ((redirect.destination ?? null) !== livePath) await refreshRedirect(req, redirect.id)
    }
  } catch (error) {
    // Redirect upkeep must never stop a publish; the log says what to fix by hand.
    req.payload.logger.error({ err: error }, `Could not update redirects after ${collection.slug} ${current.id} changed`)
  }
  return doc
}
