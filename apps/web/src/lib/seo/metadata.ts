import type { Metadata } from 'next'
import { asMedia, imageSource, type MediaRef } from '@/lib/media'
import { socialImageSize } from '@/lib/og/social-image'

type PageSeo = {
  title: string
  description: string
  /** The page's path on the site, e.g. /articles/sciatica-and-massage. */
  path: string
  siteUrl: string
  cmsUrl: string
  siteName: string
  /** The page's own SEO image; without one, `generatedImage`, else the site's default. */
  image?: MediaRef
  /** Path of the image generated for this document (see /og), used when it has no SEO image. */
  generatedImage?: string
  fallbackImage?: MediaRef
  type?: 'website' | 'article'
  publishedTime?: string | null
  modifiedTime?: string | null
}

/** Title, description, canonical URL, Open Graph and Twitter data for one page (OG-size image). */
export function pageMetadata(seo: PageSeo): Metadata {
  const url = `${seo.siteUrl}${seo.path === '/' ? '/' : seo.path}`
  const own = imageSource(asMedia(seo.image), 'og', seo.cmsUrl)
  const og =
    own ??
    (seo.generatedImage
      ? { src: `${seo.siteUrl}${seo.generatedImage}`, ...socialImageSize, alt: seo.title, type: 'image/png' }
      : imageSource(asMedia(seo.fallbackImage), 'og', seo.cmsUrl))
  const images = og ? [{ url: og.src, width: og.width, height: og.height, alt: og.alt, ...('type' in og ? { type: og.type } : {}) }] : undefined
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
