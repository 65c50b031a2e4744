import { routedCollections, sitePath, type RoutedCollectionSlug } from '@clinic/cms-types'
import { env } from '@/env'

/**
 * The public address of a document on the site (team members are anchors on /team), for the SEO
 * plugin's snippet preview. Empty while the document has no slug yet.
 */
export function siteUrlOf(collection: string | undefined, slug: unknown): string {
  if (typeof slug !== 'string' || !slug) return ''
  if (collection === 'team') return new URL(`/team#${slug}`, env.siteUrl).toString()
  if (!collection || !(routedCollections as readonly string[]).includes(collection)) return ''
  return new URL(sitePath(collection as RoutedCollectionSlug, slug), env.siteUrl).toString()
}
