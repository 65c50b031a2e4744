import { env } from '@/env'
import { sitemapEntries } from '@/lib/cms/sitemap-entries'
import { renderSitemapIndex, renderUrlSet, sitemapFileCount } from '@/lib/sitemap'

// Cached like the pages, purged with the collections' tags (see cmsRead).
export const revalidate = false

/**
 * The whole sitemap while it fits one file (50,000 URLs), else a sitemap index of /sitemaps/N.xml.
 * A route handler rather than Next.js's `sitemap.ts` + `generateSitemaps`: those serve only
 * /sitemap/N.xml (no /sitemap.xml, no index), so robots.txt and search consoles would have to
 * change address when the archive grows past the limit.
 */
export async function GET(): Promise<Response> {
  const entries = await sitemapEntries()
  const files = sitemapFileCount(entries.length)
  const xml =
    files === 1
      ? renderUrlSet(entries)
      : renderSitemapIndex(Array.from({ length: files }, (_, index) => `${env.siteUrl}/sitemaps/${index + 1}.xml`))
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
