import { collectionTag, documentTag, globalTag } from '@clinic/cms-types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { notePurged } from '@/lib/cache-handler/purge-log.mjs'
import { socialImagesToWarm, whenPublishingPauses } from './warm'

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

describe('whenPublishingPauses (images wait until staff stop publishing)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits 3 s after the last purge this process heard of, and again after each purge meanwhile', async () => {
    vi.useFakeTimers({ now: 1_000_000 })
    notePurged(['collection:articles'])
    let paused = false
    void whenPublishingPauses().then(() => (paused = true))
    await vi.advanceTimersByTimeAsync(2_000)
    expect(paused).toBe(false)
    // Another publish 2 s later: 3 s more from it.
    notePurged(['doc:articles:jaw-ache'])
    await vi.advanceTimersByTimeAsync(2_900)
    expect(paused).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    expect(paused).toBe(true)
    // Quiet for long enough already: at once.
    let again = false
    void whenPublishingPauses().then(() => (again = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(again).toBe(true)
  })
})
