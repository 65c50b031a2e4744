import { formatDate } from '@/lib/format'

type Source = { id?: string | null; title: string; publisher: string; url?: string | null; accessedAt?: string | null }

/** The sources a health page rests on, as a numbered list of references. */
export function References({ sources, id = 'references' }: { sources: Source[] | null | undefined; id?: string }) {
  if (!sources?.length) return null
  return (
    <section className="section references" aria-labelledby={id}>
      <h2 id={id}>References</h2>
      <ol className="references__list">
        {sources.map((source, index) => (
          <li key={source.id ?? index}>
            {source.url && /^https?:\/\//.test(source.url) ? <a href={source.url}>{source.title}</a> : <cite>{source.title}</cite>}
            {'. '}
            {source.publisher}.
            {source.accessedAt ? (
              <>
                {' '}Accessed <time dateTime={source.accessedAt.slice(0, 10)}>{formatDate(source.accessedAt)}</time>.
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
