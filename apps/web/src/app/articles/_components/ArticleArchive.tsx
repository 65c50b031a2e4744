import { ArticleCard } from '@/components/cards/ArticleCard'
import { Link } from '@/components/Link'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import type { ArticlesPage } from '@/lib/cms/queries'

/** The address of page `n` of the archive: /articles, /articles/page/2, … */
export const archivePath = (n: number) => (n <= 1 ? '/articles' : `/articles/page/${n}`)

/** The page numbers shown around the current one (first and last always), with gaps as null. */
export function pageWindow(current: number, total: number, around = 2): (number | null)[] {
  const shown = new Set([1, total])
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) shown.add(n)
  const sorted = [...shown].filter((n) => n >= 1).sort((a, b) => a - b)
  return sorted.flatMap((n, index) => (index > 0 && n - sorted[index - 1]! > 1 ? [null, n] : [n]))
}

/** One page of the article archive, with plain links to the others (crawlable, no JavaScript). */
export function ArticleArchive({ page: { articles, page, totalPages, totalDocs }, bookingUrl }: { page: ArticlesPage; bookingUrl: string }) {
  return (
    <div className="container">
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Articles', path: '/articles' },
          ...(page > 1 ? [{ name: `Page ${page}`, path: archivePath(page) }] : []),
        ]}
      />
      <h1>{page > 1 ? `Articles, page ${page} of ${totalPages}` : 'Articles'}</h1>
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
      {totalPages > 1 ? (
        <nav className="pagination" aria-label="Pages of articles">
          <p>
            {totalDocs} articles, page {page} of {totalPages}
          </p>
          <ul>
            {page > 1 ? (
              <li>
                <Link href={archivePath(page - 1)} rel="prev">
                  Newer articles
                </Link>
              </li>
            ) : null}
            {pageWindow(page, totalPages).map((n, index) =>
              n === null ? (
                <li key={`gap-${index}`} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  {n === page ? (
                    <span aria-current="page">{n}</span>
                  ) : (
                    <Link href={archivePath(n)} aria-label={`Page ${n}`}>
                      {n}
                    </Link>
                  )}
                </li>
              ),
            )}
            {page < totalPages ? (
              <li>
                <Link href={archivePath(page + 1)} rel="next">
                  Older articles
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <BookingCta bookingUrl={bookingUrl} />
    </div>
  )
}
