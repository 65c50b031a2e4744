import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createArticle, uniqueSlug } from './support/articles'
import { cmsJson, login } from './support/cms'
import { e2e } from './support/context'
import { get } from './support/site'

const { cmsUrl, siteUrl, admin, logDir } = e2e()

/** How many times the site's log says it warmed `imagePath` in the background (lib/og/warm.ts). */
const warmedCount = (imagePath: string) => readFileSync(path.join(logDir, 'site.log'), 'utf8').split(`[og] warmed ${imagePath} (200`).length - 1

/** Waits (polling the site's log, never the image) until the warmer has rendered `imagePath` more than `times` times. */
async function warmedMoreThan(imagePath: string, times: number, timeout = 90_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (warmedCount(imagePath) <= times) {
    if (Date.now() > deadline) throw new Error(`the site did not warm ${imagePath} within ${timeout / 1000} s (site.log has ${warmedCount(imagePath)} warm line(s))`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

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

describe('Open Graph images are warm before anyone asks (rendered in the background after a publish)', () => {
  test('after a publish that changes the title, the first request for the image is a cache hit with the new title', async () => {
    const token = await login(cmsUrl, admin.email, admin.password)
    const article = await createArticle(cmsUrl, token, { title: 'Shoulders that creep up towards your ears', slug: uniqueSlug('warm-og'), status: 'published' })
    const imagePath = `/og/articles/${article.slug}`
    // Publishing the new article warmed its image already: the first visitor's request is a hit.
    await warmedMoreThan(imagePath, 0)
    const before = await fetch(`${siteUrl}${imagePath}`)
    expect(before.status).toBe(200)
    expect(before.headers.get('x-nextjs-cache'), 'the new article’s image, warmed at publish').toBe('HIT')
    const oldImage = Buffer.from(await before.arrayBuffer())

    const warmed = warmedCount(imagePath)
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title: 'Why tight shoulders give you headaches', _status: 'published' } })
    await warmedMoreThan(imagePath, warmed)

    const after = await fetch(`${siteUrl}${imagePath}`)
    expect(after.status).toBe(200)
    expect(after.headers.get('x-nextjs-cache'), 'the first request after the publish is served from the cache').toBe('HIT')
    const newImage = Buffer.from(await after.arrayBuffer())
    expect(newImage.subarray(0, 8).toString('hex'), 'a PNG').toBe('89504e470d0a1a0a')
    expect(newImage.equals(oldImage), 'the cached image shows the new title, not the old one').toBe(false)
  })
})
