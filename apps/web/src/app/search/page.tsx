import type { Metadata } from 'next'
import { Fragment } from 'react'
import { Link } from '@/components/Link'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { SearchForm } from '@/components/site/SearchForm'
import { CmsUnavailableError } from '@/lib/cms/fetch'
import { listConditions, listServices } from '@/lib/cms/queries'
import { excerpt, highlight, maxPage, normaliseQuery, type SearchHit, type SearchPage, type SearchType } from '@/lib/search/engine'
import { searchSite } from '@/lib/search'
import { siteSettings } from '@/lib/site'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Results pages are for visitors, not for search engines' indexes.
export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true } }

const typeLabels: Record<SearchType, string> = {
  conditions: 'Condition',
  services: 'Service',
  exercises: 'Home exercise',
  articles: 'Article',
  pages: 'Page',
  team: 'Our team',
}

const plural: Record<SearchType, [string, string]> = {
  conditions: ['condition', 'conditions'],
  services: ['service', 'services'],
  exercises: ['exercise', 'exercises'],
  articles: ['article', 'articles'],
  pages: ['page', 'pages'],
  team: ['team member', 'team members'],
}

/** Text with the matched words in <mark>: React elements from plain strings, never HTML. */
function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlight(text, terms).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  )
}

function Result({ hit }: { hit: SearchHit }) {
  const { document, matchedTerms } = hit
  return (
    <li className="search-result">
      <span className="search-result__type">{typeLabels[document.type]}</span>
      <h2>
        <Link href={document.url}>
          <Highlighted text={document.title} terms={matchedTerms} />
        </Link>
      </h2>
      <p>
        <Highlighted text={excerpt(document, matchedTerms)} terms={matchedTerms} />
      </p>
      <span className="search-result__url">{document.url}</span>
    </li>
  )
}

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query })
  if (page > 1) params.set('page', String(page))
  return `/search?${params}`
}

function countsByType(hits: SearchHit[]): string {
  const counts = new Map<SearchType, number>()
  for (const hit of hits) counts.set(hit.document.type, (counts.get(hit.document.type) ?? 0) + 1)
  return [...counts].map(([type, count]) => `${count} ${plural[type][count === 1 ? 0 : 1]}`).join(', ')
}

/** What to offer when there is nothing to show: the conditions we write about and our services. */
async function Suggestions() {
  const [conditions, services] = await Promise.all([listConditions().catch(() => []), listServices().catch(() => [])])
  return (
    <section aria-labelledby="search-suggestions" className="section">
      <h2 id="search-suggestions">You could start with</h2>
      {conditions.length > 0 ? (
        <>
          <h3>Conditions we help with</h3>
          <ul>
            {conditions.map((condition) => (
              <li key={condition.id}>
                <Link href={`/conditions/${condition.slug}`}>{condition.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {services.length > 0 ? (
        <>
          <h3>Popular services</h3>
          <ul>
            {services.slice(0, 5).map((service) => (
              <li key={service.id}>
                <Link href={`/services/${service.slug}`}>{service.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        Or browse <Link href="/articles">all articles</Link> and <Link href="/exercises">home exercises</Link>.
      </p>
    </section>
  )
}

export default async function SearchResultsPage({ searchParams }: Props) {
  const params = await searchParams
  const query = normaliseQuery(params.q)
  const requestedPage = Math.min(maxPage, Math.max(1, Number.parseInt(String(params.page ?? '1'), 10) || 1))

  let results: SearchPage | undefined
  let unavailable = false
  if (query) {
    try {
      results = await searchSite(query, requestedPage)
    } catch (error) {
      if (!(error instanceof CmsUnavailableError)) throw error
      unavailable = true
    }
  }
  const phone = unavailable ? (await siteSettings().catch(() => null))?.phone : undefined

  return (
    <div className="container container--narrow">
      <Breadcrumbs crumbs={[{ name: 'Home', path: '/' }, { name: 'Search', path: '/search' }]} />
      <h1>{query ? `Search results for “${query}”` : 'Search'}</h1>
      <SearchForm id="search-page-query" query={query} label="Search the site again" />
      {unavailable ? (
        <p role="status">Search is not available for a moment. Please try again shortly{phone ? `, or call us on ${phone}` : ''}.</p>
      ) : null}
      {results && results.total > 0 ? (
        <>
          <p role="status">
            {results.total} {results.total === 1 ? 'result' : 'results'}
            {results.pageCount > 1 ? `, page ${results.page} of ${results.pageCount}` : ''}: {countsByType(results.hits)}
            {results.page > 1 || results.pageCount > 1 ? ' on this page' : ''}.
            {results.addedSynonyms.length > 0 ? ` Also searched for: ${results.addedSynonyms.join(', ')}.` : ''}
          </p>
          <ol className="search-results">
            {results.hits.map((hit) => (
              <Result key={hit.document.id} hit={hit} />
            ))}
          </ol>
          {results.pageCount > 1 ? (
            <nav className="pagination" aria-label="Result pages">
              {results.page > 1 ? <Link href={pageHref(query, results.page - 1)}>Previous page</Link> : null}
              <span>
                Page {results.page} of {results.pageCount}
              </span>
              {results.page < results.pageCount ? <Link href={pageHref(query, results.page + 1)}>Next page</Link> : null}
            </nav>
          ) : null}
        </>
      ) : null}
      {results && results.total === 0 ? (
        <p role="status">
          Nothing matched “{query}”. Check the spelling, try fewer words, or a more general word such as “back pain” or “stretch”.
        </p>
      ) : null}
      {!results || results.total === 0 ? <Suggestions /> : null}
    </div>
  )
}
