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
