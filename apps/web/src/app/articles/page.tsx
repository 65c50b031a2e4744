import type { Metadata } from 'next'
import { listArticlesPage } from '@/lib/cms/queries'
import { metadataFor, siteSettings } from '@/lib/site'
import { ArticleArchive } from './_components/ArticleArchive'

export function generateMetadata(): Promise<Metadata> {
  return metadataFor({
    title: 'Articles',
    description: 'Plain-language articles on pain, tension and recovery, reviewed by our clinicians.',
    path: '/articles',
  })
}

/** The newest articles; older ones on /articles/page/2 and on. */
export default async function ArticlesPage() {
  const [page, settings] = await Promise.all([listArticlesPage(1), siteSettings()])
  return <ArticleArchive page={page} bookingUrl={settings?.bookingUrl ?? '/book'} />
}
