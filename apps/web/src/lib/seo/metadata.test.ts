import type { Media } from '@clinic/cms-types'
import { describe, expect, it } from 'vitest'
import { socialImagePath } from '@/lib/og/social-image'
import { pageMetadata } from './metadata'

const base = {
  title: 'Sciatica and massage',
  description: 'What helps.',
  path: '/articles/sciatica-and-massage',
  siteUrl: 'https://clinic.example',
  cmsUrl: 'https://cms.clinic.example',
  siteName: 'Willowbank Clinic',
  generatedImage: socialImagePath('articles', 'sciatica-and-massage', '2026-11-30T10:00:00.000Z'),
}
const seoImage = { id: 1, alt: 'A therapist at work', url: '/api/media/file/a.jpg', width: 1200, height: 630, sizes: {} } as unknown as Media

describe('Open Graph image of a document', () => {
  it('is its SEO image when set', () => {
    const metadata = pageMetadata({ ...base, image: seoImage })
    expect(metadata.openGraph?.images).toEqual([{ url: 'https://cms.clinic.example/api/media/file/a.jpg', width: 1200, height: 630, alt: 'A therapist at work' }])
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image' })
  })

  it('is the image generated for it otherwise, 1200×630, even when the site has a default image', () => {
    const metadata = pageMetadata({ ...base, fallbackImage: seoImage })
    const [image] = metadata.openGraph?.images as { url: string; width: number; height: number; type: string }[]
    expect(image).toMatchObject({ width: 1200, height: 630, type: 'image/png' })
    expect(image?.url).toMatch(/^https:\/\/clinic\.example\/og\/articles\/sciatica-and-massage\?v=\w+$/)
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image' })
  })
})
