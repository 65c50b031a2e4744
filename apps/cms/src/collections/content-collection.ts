import type { CollectionConfig, Field } from 'payload'
import {
  fieldIsEditorOrAdmin,
  isEditorOrAdmin,
  isStaff,
} from '@/access'
import { publishedAtField } from '@/fields/published-at'
import { refuseAccidentalUnpublish } from '@/hooks/refuse-accidental-unpublish'
import { redirectMovedDocuments, rememberPublishedSlug } from '@/hooks/redirect-moved-documents'
import { rememberLiveSlug, revalidateSiteAfterChange, revalidateSiteAfterDelete } from '@/hooks/revalidate-site'
import { publishedOrStaffOrPreviewReader, siteLivePreview, sitePreview } from '@/lib/preview'
import { slugField } from '@/fields/slug'

type ContentCollectionOptions = Omit<CollectionConfig, 'fields' | 'versions' | 'access'> & {
  /** The field a new slug is made from, and the admin's title column. */
  titleField: string
  fields: Field[]
  /** Who may create, change and delete documents: `editors` keeps marketers to SEO and publishing. */
  writers: 'editors' | 'staff'
}

/** Only editors and admins may change this field; marketers see it read-only. */
function editorsOnly(field: Field): Field {
  if ((field.type === 'row' || field.type === 'collapsible') && !('name' in field)) {
    return { ...field, fields: field.fields.map(editorsOnly) }
  }
  if (field.type === 'ui' || !('name' in field) || ('access' in field && field.access)) return field
  return { ...field, access: { create: fieldIsEditorOrAdmin, update: fieldIsEditorOrAdmin } } as Field
}

/** Marks the named top-level fields (or fields in rows) as indexed. */
function indexed(fields: Field[], names: Set<string>): Field[] {
  return fields.map((field) => {
    if (field.type === 'row' && !('name' in field)) return { ...field, fields: indexed(field.fields, names) }
    if ('name' in field && names.has(field.name as string) && field.type !== 'ui' && !('index' in field && field.index)) return { ...field, index: true } as Field
    return field
  })
}

/**
 * A publishable content collection: drafts with autosave, versions, scheduled publishing,
 * a derived slug, `publishedAt`, and the access rules of the spec. SEO fields are added by
 * the SEO plugin in the config.
 */
export function contentCollection({ titleField, fields, writers, admin, hooks, ...rest }: ContentCollectionOptions): CollectionConfig {
  const ownFields = writers === 'editors' ? fields.map(editorsOnly) : fields
  // Indexes for every list the site and the admin read (issue 10, content at scale). The site asks
  // for published documents (`_status`) in the collection's order; the admin lists sort by that
  // order, the title or `updatedAt` (indexed by Payload), and read the versions table, which gets
  // the single-field indexes. Without them SQLite sorts every published row on each list read.
  const sortField = typeof rest.defaultSort === 'string' ? rest.defaultSort.replace(/^-/, '') : undefined
  const listOrders = [...new Set(['publishedAt', ...(sortField ? [sortField] : [])])]
  // Both database adapters end every sort with `-createdAt` as a tiebreak (drizzle's buildOrderBy,
  // mongodb's buildSortParam), so "newest first" is really (publishedAt desc, createdAt desc). An
  // index that stops at publishedAt leaves SQLite sorting the tail: every row before a deep page's
  // OFFSET is read and sorted (the last page of /articles at 10,000 articles: ~7 ms of SQL, against
  // ~0.4 ms with the index below). With createdAt in the index, read backwards, the whole order
  // comes from the index and the skipped rows are never read. Only descending orders are served
  // that way (one direction for the field and the tiebreak); ascending ones (names, display
  // order) keep the pair.
  const descending = new Set(['publishedAt', ...(typeof rest.defaultSort === 'string' && rest.defaultSort.startsWith('-') && sortField ? [sortField] : [])])
  const listIndexes = listOrders.map((field) => ({ fields: ['_status', field, ...(descending.has(field) && field !== 'createdAt' ? ['createdAt'] : [])] }))
  return {
    ...rest,
    indexes: [...(rest.indexes ?? []), ...listIndexes],
    hooks: {
      ...hooks,
      beforeOperation: [refuseAccidentalUnpublish, ...(hooks?.beforeOperation ?? []), rememberLiveSlug],
      beforeChange: [...(hooks?.beforeChange ?? []), rememberPublishedSlug],
      afterChange: [...(hooks?.afterChange ?? []), redirectMovedDocuments, revalidateSiteAfterChange],
      afterDelete: [...(hooks?.afterDelete ?? []), revalidateSiteAfterDelete],
    },
    admin: {
      preview: sitePreview(rest.slug),
      livePreview: siteLivePreview(rest.slug),
      useAsTitle: titleField,
      defaultColumns: [titleField, 'slug', '_status', 'updatedAt'],
      listSearchableFields: [titleField, 'slug'],
      ...admin,
    },
    access: {
      read: publishedOrStaffOrPreviewReader,
      readVersions: isStaff,
      create: writers === 'editors' ? isEditorOrAdmin : isStaff,
      // Marketers may update every content collection, but field access limits them to SEO,
      // slug and publishing unless they are the writers of this collection.
      update: isStaff,
      delete: writers === 'editors' ? isEditorOrAdmin : isStaff,
    },
    versions: {
      // Unlimited here: old versions are removed once a night (jobs/prune-versions.ts, which keeps
      // the newest 50 of each document), not inside every publish, where Payload's own pruning cost
      // the flagship article up to ~25 ms of its save (issue 17).
      maxPerDoc: 0,
      drafts: {
        // Live preview refreshes the site after each autosave: short enough to follow typing within
        // about a second (Payload saves at most once per interval, only while there are changes).
        autosave: { interval: 500 },
        schedulePublish: true,
      },
    },
    fields: [...indexed(ownFields, new Set([titleField, ...listOrders])), slugField(titleField), publishedAtField],
  }
}
