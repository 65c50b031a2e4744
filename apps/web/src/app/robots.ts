import type { MetadataRoute } from 'next'
import { env } from '@/env'

// Rendered per request: prerendered at build time, it would name the build's SITE_URL (often the
// default), while every other page uses the SITE_URL the server runs with.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/'] }],
    sitemap: `${env.siteUrl}/sitemap.xml`,
  }
}
