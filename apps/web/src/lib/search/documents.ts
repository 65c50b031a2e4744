import type { SearchDocument, SearchType } from './engine'

/** How much of a document's body is indexed and kept for excerpts: bounds the index's memory. */
export const maxBodyLength = 6000

/** Keys that hold structure, not words a visitor reads. */
const structuralKeys = new Set([
  'id',
  'blockType',
  'blockName',
  'type',
  'format',
  'direction',
  'mode',
  'style',
  'url',
  'link',
  'slug',
  'version',
  'textFormat',
  'textStyle',
  'relationTo',
  'value',
  'icon',
  'tone',
  'variant',
  'createdAt',
  'updatedAt',
])

/** Every piece of visible text in a field value: plain strings, rich text, arrays of items, blocks. */
export function plainText(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return structuralKeys.has(key) ? [] : [value]
  if (Array.isArray(value)) return value.flatMap((item) => plainText(item, key))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([childKey, child]) => plainText(child, childKey))
  }
  return []
}

/** What the site indexes of each collection: the title, the summary and the fields read as body text. */
export const indexedFields: Record<SearchType, { title: string; summary: string[]; body: string[] }> = {
  conditions: { title: 'name', summary: ['summary'], body: ['whatItIs', 'causes', 'symptoms', 'redFlags'] },
  services: { title: 'name', summary: ['summary'], body: ['description', 'benefits', 'whatToExpect', 'contraindications'] },
  exercises: { title: 'name', summary: ['summary'], body: ['targetArea', 'steps', 'safetyNotes', 'stopIf', 'equipment'] },
  articles: { title: 'title', summary: ['excerpt'], body: ['body'] },
  pages: { title: 'title', summary: ['meta'], body: ['layout'] },
  team: { title: 'name', summary: ['jobTitle', 'credentials'], body: ['bio'] },
}

function pathFor(type: SearchType, slug: string): string {
  switch (type) {
    case 'pages':
      return `/${slug}`
    case 'team':
      return `/team#${slug}`
    default:
      return `/${type}/${slug}`
  }
}

const squash = (parts: string[]): string => parts.join(' ').replace(/\s+/g, ' ').trim()

/** Flattens one published document (as the CMS returns it at depth 0) for the index. */
export function toSearchDocument(type: SearchType, doc: Record<string, unknown>): SearchDocument | null {
  const fields = indexedFields[type]
  const slug = typeof doc.slug === 'string' ? doc.slug : ''
  const title = typeof doc[fields.title] === 'string' ? (doc[fields.title] as string) : ''
  if (!slug || !title) return null
  const summaryParts = fields.summary.flatMap((name) =>
    // Of SEO data only the description is visible text.
    name === 'meta' ? plainText((doc.meta as { description?: unknown } | undefined)?.description) : plainText(doc[name], name),
  )
  return {
    id: `${type}:${String(doc.id)}`,
    type,
    title,
    summary: squash(summaryParts),
    body: squash(fields.body.flatMap((name) => plainText(doc[name], name))).slice(0, maxBodyLength),
    url: pathFor(type, slug),
  }
}
