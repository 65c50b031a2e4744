import type { Article } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { CmsImage } from '@/components/CmsImage'
import { formatDate } from '@/lib/format'

/** An article in a list: image, title, excerpt, date and reading time. */
export function ArticleCard({ article, headingLevel = 3 }: { article: Article; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="card">
      <CmsImage media={article.heroImage} size="card" sizes="(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw" className="card__image" />
      <div className="card__body">
        <Heading className="card__title">
          <Link href={`/articles/${article.slug}`}>{article.title}</Link>
        </Heading>
        <p>{article.excerpt}</p>
        <p className="card__meta">
          {formatDate(article.publishedAt) ?? ''}
          {article.readingTime ? ` · ${article.readingTime} min read` : ''}
        </p>
      </div>
    </article>
  )
}
