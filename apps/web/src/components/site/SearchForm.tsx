import { maxQueryLength } from '@/lib/search/engine'

/** A plain GET form to /search: works without JavaScript. `id` keeps labels unique when a page has two. */
export function SearchForm({ id, query = '', label = 'Search the site', className = '' }: { id: string; query?: string; label?: string; className?: string }) {
  return (
    <form role="search" action="/search" method="get" className={`search-form ${className}`.trim()} aria-label={label}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} name="q" type="search" defaultValue={query} maxLength={maxQueryLength} placeholder="e.g. sciatica, stretches" autoComplete="off" />
      <button type="submit">Search</button>
    </form>
  )
}
