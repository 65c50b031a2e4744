import type { FlattenedField, SanitizedConfig } from 'payload'

/** What a query path points at, as far as value checking needs to know. */
export type ResolvedPath =
  | { kind: 'field'; field: FlattenedField }
  | { kind: 'id' }
  | { kind: 'unknown' }

const systemDateFields = new Set(['createdAt', 'updatedAt'])

function fieldsOfCollection(config: SanitizedConfig, slug: string): FlattenedField[] | undefined {
  return config.collections.find((collection) => collection.slug === slug)?.flattenedFields
}

function childFields(field: FlattenedField, config: SanitizedConfig): FlattenedField[] | undefined {
  switch (field.type) {
    case 'group':
    case 'array':
    case 'tab':
      return field.flattenedFields
    case 'blocks': {
      const blocks = field.blocks ?? []
      return blocks.flatMap((block) => (typeof block === 'string' ? [] : block.flattenedFields))
    }
    case 'relationship':
    case 'upload':
      return typeof field.relationTo === 'string' ? fieldsOfCollection(config, field.relationTo) : undefined
    default:
      return undefined
  }
}

/** Field types that hold other fields rather than a value of their own. */
export const containerTypes: ReadonlySet<string> = new Set(['array', 'group', 'blocks', 'tab'])

/** Names of the fields inside an array, group, tab or blocks field (for messages). */
export function childFieldNames(config: SanitizedConfig, field: FlattenedField): string[] {
  return (childFields(field, config) ?? []).map((child) => child.name)
}

/**
 * Follows a dotted query path ("author.name", "meta.title", "version.title") through a
 * collection's fields. Paths it cannot follow are reported as unknown and left for Payload's
 * own path validation, which answers with a 400 of its own.
 */
export function resolvePath(config: SanitizedConfig, fields: FlattenedField[], path: string): ResolvedPath {
  const segments = path.split('.').filter((segment) => !/^\d+$/.test(segment))
  let current: FlattenedField[] | undefined = fields
  let resolved: FlattenedField | undefined
  for (const [index, segment] of segments.entries()) {
    if (!current) return { kind: 'unknown' }
    if (segment === 'id' || segment === '_id') return index === segments.length - 1 ? { kind: 'id' } : { kind: 'unknown' }
    // Version queries prefix every field with "version.".
    if (segment === 'version' && index === 0 && !current.some((field) => field.name === 'version')) continue
    if (systemDateFields.has(segment) && !current.some((field) => field.name === segment)) {
      return index === segments.length - 1
        ? { kind: 'field', field: { name: segment, type: 'date' } as FlattenedField }
        : { kind: 'unknown' }
    }
    resolved = current.find((field) => field.name === segment)
    if (!resolved) return { kind: 'unknown' }
    if (index < segments.length - 1) current = childFields(resolved, config)
  }
  return resolved ? { kind: 'field', field: resolved } : { kind: 'unknown' }
}

/** The top-level fields a collection exposes to queries, including the version wrapper's. */
export function queryableFields(config: SanitizedConfig, collectionSlug: string): FlattenedField[] {
  return fieldsOfCollection(config, collectionSlug) ?? []
}
