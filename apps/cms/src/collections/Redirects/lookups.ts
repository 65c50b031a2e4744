import type { PayloadRequest } from 'payload'
import { parseSitePath, sitePath, type RoutedCollectionSlug } from '@clinic/cms-types'

/** The fields of a redirect these hooks work with. */
export type RedirectData = {
  id?: number | string
  from?: string
  to?: {
    type?: 'reference' | 'custom' | null
    reference?: { relationTo: RoutedCollectionSlug; value: number | string | { id: number | string } } | null
    url?: string | null
  }
  type?: string | null
  note?: string | null
  destination?: string | null
  automatic?: boolean | null
}

type Routed = { id: number | string; slug?: string | null; _status?: string | null; title?: string; name?: string }

export const labelOf = (doc: Routed): string => doc.title ?? doc.name ?? String(doc.id)

/** The document as the public sees it (its published version), or undefined. */
export async function publishedDoc(req: PayloadRequest, collection: RoutedCollectionSlug, id: number | string): Promise<Routed | undefined> {
  const { docs } = await req.payload.find({
    collection,
    where: { id: { equals: id } },
    draft: false,
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  return docs[0] as Routed | undefined
}

/** The document of a routed collection that has `slug`, draft or published, if any. */
export async function docAtPath(req: PayloadRequest, path: string): Promise<(Routed & { collection: RoutedCollectionSlug }) | undefined> {
  const parsed = parseSitePath(path)
  if (!parsed) return undefined
  const { docs } = await req.payload.find({
    collection: parsed.collection,
    where: { slug: { equals: parsed.slug } },
    draft: false,
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  const doc = docs[0] as Routed | undefined
  return doc ? { ...doc, collection: parsed.collection } : undefined
}

/** The published path of a document, or undefined when it has no published version. */
export function publishedPath(collection: RoutedCollectionSlug, doc: Routed | undefined): string | undefined {
  if (!doc || doc._status !== 'published' || !doc.slug) return undefined
  return sitePath(collection, doc.slug)
}

/** The redirect whose "from" is `path`, other than `exceptId`. */
export async function redirectFrom(req: PayloadRequest, path: string, exceptId?: number | string): Promise<RedirectData | undefined> {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: exceptId === undefined ? { from: { equals: path } } : { and: [{ from: { equals: path } }, { id: { not_equals: exceptId } }] },
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  return docs[0] as RedirectData | undefined
}

export const referenceId = (value: NonNullable<NonNullable<RedirectData['to']>['reference']>['value']): number | string =>
  typeof value === 'object' ? value.id : value
