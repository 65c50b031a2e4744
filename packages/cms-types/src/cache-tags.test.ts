import { describe, expect, it } from 'vitest'
import { collectionSlugs } from './collections'
import { collectionTag, documentTag, globalTag } from './cache-tags'

describe('cache tags', () => {
  it('gives each collection, document and global a distinct tag', () => {
    const tags = [
      collectionTag(collectionSlugs.articles),
      collectionTag(collectionSlugs.services),
      documentTag(collectionSlugs.articles, 'sciatica'),
      documentTag(collectionSlugs.services, 'sciatica'),
      globalTag('navigation'),
    ]
    expect(new Set(tags).size).toBe(tags.length)
  })

  it('keeps tags within the 256 characters Next.js accepts for a slug of reasonable length', () => {
    expect(documentTag(collectionSlugs.articles, 'a'.repeat(200)).length).toBeLessThanOrEqual(256)
  })
})
