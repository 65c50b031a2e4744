import type { CollectionConfig } from 'payload'
import { env } from '@/env'

/**
 * "Preview" in the admin opens the site in Next.js draft mode (articles, services, exercises,
 * conditions and pages; team members have no page of their own).
 *
 * The link carries the shared PREVIEW_SECRET (so only the CMS can turn draft mode on) and the
 * editor's own login token, which the site keeps in an httpOnly cookie for an hour and sends back
 * to the CMS as `Authorization: JWT …` with `?draft=true` to read the unpublished version.
 */
const sitePaths: Record<string, (slug: string) => string> = {
  articles: (slug) => `/articles/${slug}`,
  services: (slug) => `/services/${slug}`,
  exercises: (slug) => `/exercises/${slug}`,
  conditions: (slug) => `/conditions/${slug}`,
  pages: (slug) => `/${slug}`,
}

export function sitePreview(collection: string): NonNullable<NonNullable<CollectionConfig['admin']>['preview']> {
  return (doc, { token }) => {
    const slug = typeof doc.slug === 'string' ? doc.slug : undefined
    const toPath = sitePaths[collection]
    if (!slug || !toPath || !env.sitePreviewSecret) return null
    const url = new URL('/api/preview', env.siteUrl)
    url.searchParams.set('secret', env.sitePreviewSecret)
    url.searchParams.set('path', toPath(slug))
    if (token) url.searchParams.set('token', token)
    return url.toString()
  }
}
