import { escapeXml } from '@/lib/rss'

/** One URL of a sitemap. */
export type SitemapEntry = { url: string; lastModified?: string }

/** The sitemaps protocol's limit of URLs per file (https://www.sitemaps.org/protocol.html). */
export const maxUrlsPerSitemap = 50_000

const header = '<?xml version="1.0" encoding="UTF-8"?>\n'

export function renderUrlSet(entries: SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeXml(entry.url)}</loc>${entry.lastModified ? `<lastmod>${escapeXml(entry.lastModified)}</lastmod>` : ''}</url>`,
  )
  return `${header}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

export function renderSitemapIndex(sitemapUrls: string[]): string {
  const sitemaps = sitemapUrls.map((url) => `<sitemap><loc>${escapeXml(url)}</loc></sitemap>`)
  return `${header}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join('\n')}\n</sitemapindex>\n`
}

/** How many sitemap files `count` URLs need. */
export const sitemapFileCount = (count: number, perFile = maxUrlsPerSitemap): number => Math.max(1, Math.ceil(count / perFile))

/** The URLs of file `index` (1-based), or undefined past the last file. */
export function sitemapFile(entries: SitemapEntry[], index: number, perFile = maxUrlsPerSitemap): SitemapEntry[] | undefined {
  if (!Number.isInteger(index) || index < 1 || index > sitemapFileCount(entries.length, perFile)) return undefined
  return entries.slice((index - 1) * perFile, index * perFile)
}
