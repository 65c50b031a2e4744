import type { CollectionSlug, Field, FieldHook, Validate } from 'payload'

/** Lower-case, ASCII, hyphen-separated: what a URL segment should look like. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const deriveSlug =
  (sourceField: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    if (typeof source === 'string' && source.trim() !== '') return slugify(source)
    return value
  }

/**
 * URL-safe, and not used by another document of the collection. The unique index stays the last
 * word; checking here first lets staff see which document holds the slug, on every database.
 */
const validateSlug: Validate<string> = async (value, { collectionSlug, id, req }) => {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string' || !slugPattern.test(value)) {
    return 'Use lower-case letters, numbers and single hyphens only (for example "deep-tissue-massage").'
  }
  if (!collectionSlug) return true
  const { docs } = await req.payload.find({
    collection: collectionSlug as CollectionSlug,
    where: id === undefined ? { slug: { equals: value } } : { and: [{ slug: { equals: value } }, { id: { not_equals: id } }] },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    draft: true,
    req,
  })
  const holder = docs[0] as { title?: string; name?: string } | undefined
  if (!holder) return true
  const label = holder.title ?? holder.name
  return `The slug "${value}" is already used${label ? ` by “${label}”` : ''}. Choose another.`
}

/** A unique, URL-safe slug, derived from `sourceField` when left empty and editable by staff. */
export function slugField(sourceField = 'title'): Field {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    label: 'URL slug',
    admin: {
      position: 'sidebar',
      description: `Part of the page address. Left empty, it is made from the ${sourceField}.`,
    },
    hooks: { beforeValidate: [deriveSlug(sourceField)] },
    validate: validateSlug,
  }
}
