import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { JsonLdScript } from '@/components/JsonLdScript'
import { AnnouncementBanner } from '@/components/site/AnnouncementBanner'
import { LivePreviewRefresh } from '@/components/site/LivePreviewRefresh'
import { PreviewBar } from '@/components/site/PreviewBar'
import { SiteFooter } from '@/components/site/SiteFooter'
import { SiteHeader } from '@/components/site/SiteHeader'
import { env } from '@/env'
import { showsAnnouncement } from '@/lib/announcement'
import { getAnnouncement, getNavigation } from '@/lib/cms/queries'
import { imageSource } from '@/lib/media'
import { currentPreview } from '@/lib/preview/session'
import { healthAndBeautyBusiness, siteSearchAction, webSite } from '@/lib/seo/json-ld'
import { fallbackClinicName, siteSettings } from '@/lib/site'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await siteSettings().catch(() => null)
  const name = settings?.clinicName ?? fallbackClinicName
  return {
    metadataBase: new URL(env.siteUrl),
    title: { default: name, template: `%s · ${name}` },
    description: settings?.tagline ?? undefined,
    alternates: { types: { 'application/rss+xml': [{ url: '/feed.xml', title: `${name}: articles` }] } },
  }
}

export const viewport: Viewport = { themeColor: '#2f5d50', width: 'device-width', initialScale: 1 }

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header and footer are never worth an error page: without the CMS they fall back to plain defaults.
  const [settings, navigation, announcement, preview] = await Promise.all([
    siteSettings().catch(() => null),
    getNavigation().catch(() => null),
    getAnnouncement().catch(() => null),
    currentPreview(),
  ])
  const name = settings?.clinicName ?? fallbackClinicName
  const bookingUrl = settings?.bookingUrl ?? '/book'
  const logo = imageSource(
    typeof settings?.defaultSeoImage === 'object' && settings.defaultSeoImage ? settings.defaultSeoImage : undefined,
    'og',
    env.cmsUrl,
  )

  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {preview ? <PreviewBar /> : null}
        {preview ? <LivePreviewRefresh cmsOrigin={new URL(env.cmsUrl).origin} /> : null}
        {announcement && showsAnnouncement(announcement, new Date()) ? <AnnouncementBanner announcement={announcement} /> : null}
        <SiteHeader clinicName={name} navigation={navigation} bookingUrl={bookingUrl} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter settings={settings} navigation={navigation} clinicName={name} />
        {settings ? <JsonLdScript data={healthAndBeautyBusiness(settings, env.siteUrl, logo?.src)} /> : null}
        <JsonLdScript
          data={webSite(name, env.siteUrl, { potentialAction: siteSearchAction(env.siteUrl) })}
        />
      </body>
    </html>
  )
}
