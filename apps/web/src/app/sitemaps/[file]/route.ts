import { sitemapEntries } from '@/lib/cms/sitemap-entries'
import { renderUrlSet, sitemapFile } from '@/lib/sitemap'

type Context = { params: Promise<{ file: string }> }

// Rendered on first request, then cached until the collections' tags are purged.
export const revalidate = false
export function generateStaticParams() {
  return []
}

/** File N (1-based) of a sitemap too big for one file; listed by /sitemap.xml's index. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const match = /^(\d{1,6})\.xml$/.exec((await params).file)
  const urls = match ? sitemapFile(await sitemapEntries(), Number(match[1])) : undefined
  if (!urls) return new Response('No such sitemap file. The list of files is at /sitemap.xml.', { status: 404 })
  return new Response(renderUrlSet(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
