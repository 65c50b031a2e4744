import type { CollectionSlug, GlobalSlug } from './collections'

/** Cache tag for every document of a collection (lists, indexes, sitemaps). */
export const collectionTag = (collection: CollectionSlug): string => `collection:${collection}`

/** Cache tag for one document, addressed by its slug (what the site's URLs use). */
export const documentTag = (collection: CollectionSlug, slug: string): string =>
  `doc:${collection}:${slug}`

/** Cache tag for a global (site settings, navigation, announcement). */
export const globalTag = (global: GlobalSlug): string => `global:${global}`

/** The header that carries the shared secret on revalidation calls from the CMS to the site. */
export const revalidateSecretHeader = 'x-revalidate-secret'

/** Body of the site's revalidation endpoint: the tags to purge. */
export interface RevalidateRequest {
  tags: string[]
}
