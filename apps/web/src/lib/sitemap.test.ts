import { describe, expect, test } from 'vitest'
import { renderSitemapIndex, renderUrlSet, sitemapFile, sitemapFileCount } from './sitemap'

const entries = Array.from({ length: 7 }, (_, i) => ({ url: `https://clinic.example/articles/a-${i}` }))

describe('sitemap files', () => {
  test('split past the per-file limit, every URL in exactly one file, in order', () => {
    expect(sitemapFileCount(7, 3)).toBe(3)
    const files = [1, 2, 3].map((index) => sitemapFile(entries, index, 3))
    expect(files.map((file) => file?.length)).toEqual([3, 3, 1])
    expect(files.flat().map((entry) => entry?.url)).toEqual(entries.map((entry) => entry.url))
    expect(sitemapFile(entries, 4, 3)).toBeUndefined()
    expect(sitemapFile(entries, 0, 3)).toBeUndefined()
  })

  test('an empty site still has one (empty) sitemap', () => {
    expect(sitemapFileCount(0)).toBe(1)
    expect(sitemapFile([], 1)).toEqual([])
  })

  test('render escaped XML of the sitemaps protocol', () => {
    const xml = renderUrlSet([{ url: 'https://clinic.example/?a=1&b=2', lastModified: '2026-01-02T03:04:05.000Z' }])
    expect(xml).toContain('<loc>https://clinic.example/?a=1&amp;b=2</loc><lastmod>2026-01-02T03:04:05.000Z</lastmod>')
    expect(renderSitemapIndex(['https://clinic.example/sitemaps/1.xml'])).toContain(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>https://clinic.example/sitemaps/1.xml</loc></sitemap>',
    )
  })
})
