import type { Metadata } from 'next'
import { Link } from '@/components/Link'
import { SearchForm } from '@/components/site/SearchForm'

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } }

export default function NotFound() {
  return (
    <div className="container container--narrow">
      <h1>We could not find that page</h1>
      <p>The page may have moved, or the address may have a typing mistake.</p>
      <h2>Search for it</h2>
      <SearchForm id="not-found-search" label="Search the site for the page" />
      <h2>Or start from here</h2>
      <ul>
        <li>
          <Link href="/">Go to the home page</Link>
        </li>
        <li>
          <Link href="/services">See our massage services</Link>
        </li>
        <li>
          <Link href="/articles">Read our articles</Link>
        </li>
        <li>
          <Link href="/book">Book an appointment</Link>
        </li>
      </ul>
    </div>
  )
}
