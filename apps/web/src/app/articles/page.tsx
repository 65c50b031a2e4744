import type { Metadata } from 'next'
import { ArticleCard } from '@/components/cards/ArticleCard'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { listArticles } from '@/lib/cms/queries'
import { metadataFor, siteSettings } from '@/lib/site'

export function generateMetadata(): Promise<Metadata> {
  return metadataFor({
    title: 'Articles',
    description: 'Plain-language articles on pain, tension and recovery, reviewed by our clinicians.',
    path: '/articles',
  })
}

export default async function ArticlesPage() {
  const [articles, settings] = await Promise.all([listArticles(), siteSettings()])
  return (
    <div className="container">
      <Breadcrumbs crumbs={[{ name: 'Home', path: '/' }, { name: 'Articles', path: '/articles' }]} />
      <h1>Articles</h1>
      <p className="lead">Plain-language guides on pain, tension and recovery, reviewed by our clinicians.</p>
      {articles.length === 0 ? (
        <p>No articles yet. Please check back soon.</p>
      ) : (
        <div className="grid">
          {articles.map((article) => (
            <ArticleCard key={article.id} article={article} headingLevel={2} />
          ))}
        </div>
      )}
      <BookingCta bookingUrl={settings?.bookingUrl ?? '/book'} />
    </div>
  )
}
