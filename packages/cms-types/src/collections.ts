/** Slugs of every CMS collection; the site and the CMS both name collections through these. */
export const collectionSlugs = {
  articles: 'articles',
  services: 'services',
  exercises: 'exercises',
  conditions: 'conditions',
  pages: 'pages',
  team: 'team',
  media: 'media',
  appointmentRequests: 'appointment-requests',
  redirects: 'redirects',
  users: 'users',
  serviceAccounts: 'service-accounts',
} as const

/** Slugs of every CMS global. */
export const globalSlugs = {
  siteSettings: 'site-settings',
  navigation: 'navigation',
  announcement: 'announcement',
} as const

export type CollectionSlug = (typeof collectionSlugs)[keyof typeof collectionSlugs]
export type GlobalSlug = (typeof globalSlugs)[keyof typeof globalSlugs]

/** Collections whose documents have drafts, versions and a public page on the site. */
export const contentCollections = [
  collectionSlugs.articles,
  collectionSlugs.services,
  collectionSlugs.exercises,
  collectionSlugs.conditions,
  collectionSlugs.pages,
  collectionSlugs.team,
] as const

export type ContentCollectionSlug = (typeof contentCollections)[number]

/** Staff roles, from least to most powerful. */
export const roles = ['editor', 'marketer', 'admin'] as const
export type Role = (typeof roles)[number]

/** Collections whose documents have a page of their own on the site, at `sitePath(collection, slug)`. */
export const routedCollections = [
  collectionSlugs.articles,
  collectionSlugs.services,
  collectionSlugs.exercises,
  collectionSlugs.conditions,
  collectionSlugs.pages,
] as const

export type RoutedCollectionSlug = (typeof routedCollections)[number]

/** Where a document of a routed collection lives on the site: both apps build URLs with this. */
export function sitePath(collection: RoutedCollectionSlug, slug: string): string {
  return collection === 'pages' ? `/${slug}` : `/${collection}/${slug}`
}

/** The routed collection and slug a site path belongs to, if it has the shape of a document's page. */
export function parseSitePath(path: string): { collection: RoutedCollectionSlug; slug: string } | undefined {
  const parts = path.split('/').filter(Boolean)
  if (parts.length === 1 && parts[0]) return { collection: 'pages', slug: parts[0] }
  if (parts.length === 2 && parts[1]) {
    const collection = routedCollections.find((candidate) => candidate !== 'pages' && candidate === parts[0])
    if (collection) return { collection, slug: parts[1] }
  }
  return undefined
}
