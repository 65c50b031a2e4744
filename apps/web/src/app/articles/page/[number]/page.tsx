import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { listArticlesPage } from '@/lib/cms/queries'
import { metadataFor, siteSettings } from '@/lib/site'
import { ArticleArchive, archivePath } from '../../_components/ArticleArchive'

type Props = { params: Promise<{ number: string }> }

// Rendered on first visit and cached until the CMS purges the articles' tag.
export function generateStaticParams() {
  return []
}

/** "2" → 2; anything else (0, "02", "x", page 1's duplicate address) is not a page number. */
function pageNumber(raw: string): number | undefined {
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = pageNumber((await params).number)
  if (!n) return { title: 'Page not found' }
  return metadataFor({
    title: `Articles, page ${n}`,
    description: `Older plain-language articles on pain, tension and recovery (page ${n}).`,
    path: archivePath(n),
  })
}

export default async function ArticlesArchivePage({ params }: Props) {
  const n = pageNumber((await params).number)
  if (!n) notFound()
  if (n === 1) permanentRedirect('/articles')
  const [page, settings] = await Promise.all([listArticlesPage(n), siteSettings()])
  if (page.articles.length === 0) notFound()
  return <ArticleArchive page={page} bookingUrl={settings?.bookingUrl ?? '/book'} />
}
