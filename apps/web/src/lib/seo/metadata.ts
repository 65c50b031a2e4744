import type { Metadata } from 'next'
import { asMedia, imageSource, type MediaRef } from '@/lib/media'

type PageSeo = {
  title: string
  description: string
  /** The page's path on the site, e.g. /articles/sciatica-and-massage. */
  path: string
  siteUrl: string
  cmsUrl: string
  siteName: string
  /** The page's own SEO image, else the site's default. */
  image?: MediaRef
  fallbackImage?: MediaRef
  type?: 'website' | 'article'
  publishedTime?: string | null
  modifiedTime?: string | null
}

/** Title, description, canonical URL, Open Graph and Twitter data for one page (OG-size image). */
export function pageMetadata(seo: PageSeo): Metadata {
  const url = `${seo.siteUrl}${seo.path === '/' ? '/' : seo.path}`
  const og = imageSource(asMedia(seo.image) ?? asMedia(seo.fallbackImage), 'og', seo.cmsUrl)
  const images = og ? [{ url: og.src, width: og.width, height: og.height, alt: og.alt }] : undefined
  return {
    title: seo.title,
    description: seo.description,
    alternates: { canonical: url },
    openGraph: {
      title: seo.title,
      description: seo.description,
      url,
      siteName: seo.siteName,
      locale: 'en',
      images,
      ...(seo.type === 'article'
        ? {
            type: 'article',
            publishedTime: seo.publishedTime ?? undefined,
            modifiedTime: seo.modifiedTime ?? undefined,
          }
        : { type: 'website' }),
    },
    twitter: {
      card: og ? 'summary_large_image' : 'summary',
      title: seo.title,
      description: seo.description,
      images: og ? [{ url: og.src, alt: og.alt }] : undefined,
    },
  }
}
