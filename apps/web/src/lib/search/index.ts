import 'server-only'
import { collectionTag } from '@clinic/cms-types'
import type MiniSearch from 'minisearch'
import { cmsRead } from '@/lib/cms/fetch'
import { siteSettings } from '@/lib/site'
import { indexedFields, toSearchDocument } from './documents'
import { buildSearchIndex, runSearch, searchTypes, type SearchDocument, type SearchPage, type SearchType, type SynonymGroup } from './engine'

type ListResponse = { docs: Record<string, unknown>[]; totalDocs: number; totalPages: number }

const pageSize = 100

/**
 * A stamp of what a collection holds for the public: how many published documents and when the
 * last one changed. It is read through the same tagged cache as the pages, so it changes exactly
 * when the CMS purges the collection's tag (publish, unpublish, delete, slug change).
 */
async function collectionStamp(type: SearchType): Promise<string> {
  const result = await cmsRead<ListResponse>(type, {
    tags: [collectionTag(type)],
    query: { depth: 0, limit: 1, sort: '-updatedAt', 'select[updatedAt]': true },
  })
  const latest = result.docs[0]
  return `${type}:${result.totalDocs}:${String(latest?.id ?? '')}:${String(latest?.updatedAt ?? '')}`
}

/** Every published document of a collection, only the fields the index reads, page by page. */
async function publishedDocuments(type: SearchType): Promise<SearchDocument[]> {
  const fields = indexedFields[type]
  const select = Object.fromEntries(
    ['slug', fields.title, ...fields.summary, ...fields.body].map((field) => [`select[${field}]`, true] as const),
  )
  const documents: SearchDocument[] = []
  for (let page = 1; ; page++) {
    const result = await cmsRead<ListResponse>(type, {
      tags: [collectionTag(type)],
      query: { depth: 0, limit: pageSize, page, sort: 'id', ...select },
    })
    for (const doc of result.docs) {
      const document = toSearchDocument(type, doc)
      if (document) documents.push(document)
    }
    if (page >= result.totalPages) break
  }
  return documents
}

/** Staff-managed synonyms from site settings: one group per row, phrases separated by commas. */
export function synonymGroups(rows: { terms?: string | null }[] | null | undefined): SynonymGroup[] {
  return (rows ?? [])
    .map((row) => (row.terms ?? '').split(',').map((phrase) => phrase.trim()).filter(Boolean))
    .filter((group) => group.length > 1)
}

type Built = { stamp: string; index: MiniSearch<SearchDocument> }

// One index per server process, rebuilt when a stamp changes. Several instances each keep their
// own; a tag purge reaches all of them through the shared cache.
let current: Built | undefined
let building: { stamp: string; promise: Promise<Built> } | undefined

async function searchIndex(): Promise<MiniSearch<SearchDocument>> {
  const stamp = (await Promise.all(searchTypes.map(collectionStamp))).join('|')
  if (current?.stamp === stamp) return current.index
  if (building?.stamp !== stamp) {
    const promise = (async (): Promise<Built> => {
      const documents = (await Promise.all(searchTypes.map(publishedDocuments))).flat()
      return { stamp, index: buildSearchIndex(documents) }
    })()
    building = { stamp, promise }
    promise.then(
      (built) => {
        current = built
      },
      () => {
        if (building?.promise === promise) building = undefined
      },
    )
  }
  return (await building.promise).index
}

/** Searches the published content; throws CmsUnavailableError when the CMS cannot be read. */
export async function searchSite(query: string, page: number): Promise<SearchPage> {
  const [index, settings] = await Promise.all([searchIndex(), siteSettings()])
  return runSearch(index, query, { page, perPage: 10, synonyms: synonymGroups(settings?.searchSynonyms) })
}
