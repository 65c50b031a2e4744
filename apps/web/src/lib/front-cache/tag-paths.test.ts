import { afterEach, describe, expect, test } from 'vitest'
import { pathOfCacheKey, pathsForTags, recordCachedPage, resetTagPaths } from './tag-paths.mjs'

const page = (tags: string[], status?: number) => ({ kind: 'APP_PAGE', html: '<html></html>', status, headers: { 'x-next-cache-tags': tags.join(',') } })

afterEach(() => resetTagPaths())

describe('which paths carry which tags (what a purge refreshes in the front cache)', () => {
  test('a stored page is found under each of its tags; the home page under "/"', async () => {
    recordCachedPage('/articles/sciatica', page(['collection:articles', 'articles:sciatica']))
    recordCachedPage('/articles', page(['collection:articles']))
    recordCachedPage(`/route-cache/APP_PAGE/${'0'.repeat(64)}/$/index`, page(['collection:articles', 'global:site']))
    expect(await pathsForTags(['articles:sciatica'])).toEqual(['/articles/sciatica'])
    expect((await pathsForTags(['collection:articles'])).sort()).toEqual(['/', '/articles', '/articles/sciatica'])
    expect(await pathsForTags(['global:site'])).toEqual(['/'])
    expect(await pathsForTags(['collection:team'])).toEqual([])
  })

  test('the most specific tag’s pages come first, each path once', async () => {
    recordCachedPage('/articles', page(['collection:articles']))
    recordCachedPage('/', page(['collection:articles']))
    recordCachedPage('/articles/sciatica', page(['collection:articles', 'articles:sciatica']))
    const paths = await pathsForTags(['collection:articles', 'articles:sciatica'])
    expect(paths[0]).toBe('/articles/sciatica')
    expect(paths).toHaveLength(3)
  })

  test('a tag’s pages come before its routes, whichever was recorded first (the changed page before its Open Graph image)', async () => {
    const route = (tags: string[]) => ({ kind: 'APP_ROUTE', body: Buffer.from(''), status: 200, headers: { 'x-next-cache-tags': tags.join(',') } })
    recordCachedPage('/og/articles/sciatica', route(['articles:sciatica', 'collection:articles']))
    recordCachedPage('/articles/sciatica', page(['articles:sciatica', 'collection:articles']))
    recordCachedPage('/articles', page(['collection:articles']))
    recordCachedPage('/sitemap.xml', route(['collection:articles']))
    expect(await pathsForTags(['collection:articles', 'articles:sciatica'])).toEqual(['/articles/sciatica', '/og/articles/sciatica', '/articles', '/sitemap.xml'])
    // Recorded again (each refresh records it): still after the page.
    recordCachedPage('/og/articles/sciatica', route(['articles:sciatica', 'collection:articles']))
    recordCachedPage('/articles/sciatica', page(['articles:sciatica', 'collection:articles']))
    recordCachedPage('/og/articles/sciatica', route(['articles:sciatica', 'collection:articles']))
    expect((await pathsForTags(['articles:sciatica']))[0]).toBe('/articles/sciatica')
  })

  test('404s, data cache entries and keys that are not paths are not recorded', async () => {
    recordCachedPage('/articles/no-such-thing', page(['collection:articles'], 404))
    recordCachedPage('/articles/sciatica', { kind: 'FETCH', data: {}, tags: ['collection:articles'] })
    recordCachedPage('a1b2c3', page(['collection:articles']))
    recordCachedPage('/team', { kind: 'APP_PAGE', html: '', headers: {} })
    expect(await pathsForTags(['collection:articles'])).toEqual([])
    expect(pathOfCacheKey('/index')).toBe('/')
    const hash = 'a'.repeat(64)
    expect(pathOfCacheKey(`/route-cache/APP_PAGE/${hash}/$/articles/sciatica`)).toBe('/articles/sciatica')
    expect(pathOfCacheKey(`/route-cache/APP_PAGE/${hash}/$/index`)).toBe('/')
    expect(pathOfCacheKey(`/route-cache/APP_ROUTE/${hash}/$/sitemap.xml`)).toBe('/sitemap.xml')
    expect(pathOfCacheKey(`/route-cache/APP_PAGE/${hash}/$/index/index/x`)).toBe('/index/x')
    expect(pathOfCacheKey('/x'.repeat(2000))).toBeNull()
  })

  test('routes (sitemap, feed) are recorded like pages', async () => {
    recordCachedPage('/sitemap.xml', { kind: 'APP_ROUTE', body: Buffer.from(''), status: 200, headers: { 'x-next-cache-tags': 'collection:articles' } })
    expect(await pathsForTags(['collection:articles'])).toEqual(['/sitemap.xml'])
  })
})
