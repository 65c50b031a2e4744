import { describe, expect, test } from 'vitest'
import { createArticle, uniqueSlug } from './support/articles'
import { login } from './support/cms'
import { e2e } from './support/context'
import { get } from './support/site'

const { cmsUrl, siteUrl, admin } = e2e()

/** The content of a <meta property|name="…"> tag in an HTML document. */
function meta(html: string, key: string): string | undefined {
  const tag = new RegExp(`<meta[^>]+(?:property|name)="${key}"[^>]*>`).exec(html)?.[0]
  return tag ? /content="([^"]*)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&') : undefined
}

describe('link previews of an article without an SEO image', () => {
  test('og:image is a 1200×630 PNG generated for that article, and the card is large', async () => {
    const token = await login(cmsUrl, admin.email, admin.password)
    const article = await createArticle(cmsUrl, token, { title: 'Why your jaw aches after a stressful week', slug: uniqueSlug('jaw-ache'), status: 'published' })
    const html = (await get(`${siteUrl}/articles/${article.slug}`)).body

    const image = meta(html, 'og:image')
    expect(image, 'the page names an Open Graph image').toBeDefined()
    expect(image!.startsWith(`${siteUrl}/og/articles/${article.slug}`), `generated for this article: ${image}`).toBe(true)
    expect(meta(html, 'og:image:width')).toBe('1200')
    expect(meta(html, 'og:image:height')).toBe('630')
    expect(meta(html, 'twitter:card')).toBe('summary_large_image')

    const response = await fetch(image!)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await response.arrayBuffer())
    expect(png.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a')
    // IHDR: width and height, big-endian, at bytes 16–23.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])

    // Another article gets another image.
    const other = await fetch(`${siteUrl}/og/articles/sciatica-and-massage`)
    expect(other.status).toBe(200)
    expect(Buffer.from(await other.arrayBuffer()).equals(png)).toBe(false)
    // Cached like the pages: the second request is served from the cache.
    expect((await fetch(image!)).headers.get('x-nextjs-cache')).toMatch(/HIT|STALE/)
  })
})
