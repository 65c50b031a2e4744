import type { RoutedCollectionSlug } from '@clinic/cms-types'

/** Size of the generated Open Graph images (what Facebook, LinkedIn and X show large). */
export const socialImageSize = { width: 1200, height: 630 } as const

/** What a generated image says the document is. */
export const socialImageKind: Record<RoutedCollectionSlug, string> = {
  articles: 'Article',
  services: 'Massage service',
  exercises: 'Exercise',
  conditions: 'Condition guide',
  pages: 'Page',
}

// Own keys only: `in` would accept `toString`, `constructor`, `__proto__` (Object.prototype's).
export const isRoutedCollection = (value: string): value is RoutedCollectionSlug => Object.hasOwn(socialImageKind, value)

/**
 * Where the generated image of a document is served. `version` (the document's last change) only
 * changes the URL so that link previews cached elsewhere pick up a new title; the site ignores it.
 */
export function socialImagePath(collection: RoutedCollectionSlug, slug: string, version?: string | null): string {
  const path = `/og/${collection}/${encodeURIComponent(slug)}`
  return version ? `${path}?v=${encodeURIComponent(new Date(version).getTime().toString(36))}` : path
}
