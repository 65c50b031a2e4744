import { collectionTag, documentTag, globalTag } from '@clinic/cms-types'
import { describe, expect, it } from 'vitest'
import { socialImagesToWarm } from './warm'

describe('socialImagesToWarm (which Open Graph images a purge made cold)', () => {
  it('a publish: the document’s image first, then its collection’s newest', () => {
    expect(socialImagesToWarm([collectionTag('articles'), documentTag('articles', 'jaw-ache'), 'search-index'])).toEqual({
      documents: ['/og/articles/jaw-ache'],
      collections: ['articles'],
    })
  })

  it('a slug change: the old and the new address, encoded as a visitor requests them', () => {
    expect(socialImagesToWarm([documentTag('services', 'old-name'), documentTag('services', 'nouveau-soin')]).documents).toEqual([
      '/og/services/old-name',
      '/og/services/nouveau-soin',
    ])
  })

  it('the site settings (the clinic’s name is on every image): every collection', () => {
    expect(socialImagesToWarm([globalTag('site-settings')]).collections.sort()).toEqual(['articles', 'conditions', 'exercises', 'pages', 'services'])
  })

  it('collections without pages (team, media) and other globals warm nothing', () => {
    expect(socialImagesToWarm([collectionTag('team'), documentTag('team', 'anna'), globalTag('navigation'), 'doc:articles:'])).toEqual({ documents: [], collections: [] })
  })
})
