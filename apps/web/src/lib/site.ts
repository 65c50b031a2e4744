import 'server-only'
import type { SiteSetting } from '@clinic/cms-types'
import type { Metadata } from 'next'
import { env } from '@/env'
import { rememberContact } from '@/lib/cms/availability'
import { getSiteSettings } from '@/lib/cms/queries'
import { currencyFor } from '@/lib/format'
import type { MediaRef } from '@/lib/media'
import { pageMetadata } from '@/lib/seo/metadata'

/** Site settings, or null while the CMS has none (a fresh database) or during an offline build. */
export async function siteSettings(): Promise<SiteSetting | null> {
  const settings = await getSiteSettings()
  // For the "not available right now" page, should the CMS go down (lib/cms-unavailable-response.ts).
  if (settings) rememberContact(settings)
  return settings
}

export const fallbackClinicName = 'Massage therapy clinic'

export async function clinicName(): Promise<string> {
  return (await siteSettings())?.clinicName ?? fallbackClinicName
}

export async function clinicCurrency(): Promise<string> {
  return currencyFor((await siteSettings())?.address.country)
}

type SeoInput = {
  title: string
  description: string
  path: string
  image?: MediaRef
  generatedImage?: string
  type?: 'website' | 'article'
  publishedTime?: string | null
  modifiedTime?: string | null
}

/** Page metadata with the site's name, address and default image filled in. */
export async function metadataFor(input: SeoInput): Promise<Metadata> {
  const settings = await siteSettings().catch(() => null)
  return pageMetadata({
    ...input,
    siteUrl: env.siteUrl,
    cmsUrl: env.cmsUrl,
    siteName: settings?.clinicName ?? fallbackClinicName,
    fallbackImage: settings?.defaultSeoImage,
  })
}
