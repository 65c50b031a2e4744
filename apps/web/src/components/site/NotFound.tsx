import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'
import { Link } from '@/components/Link'
import { SearchForm } from '@/components/site/SearchForm'

/** Title and robots of every "not found" answer (also the metadata of app/not-found.tsx). */
export const notFoundMetadata: Metadata = { title: 'Page not found', robots: { index: false } }

/** The site's 404 message: what happened, a search form and where to start from. */
export function NotFoundContent() {
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

async function Status404(): Promise<never> {
  notFound()
}

/**
 * What a page returns instead of calling `notFound()` when its content does not exist.
 *
 * `notFound()` thrown by a page fails the whole server render in Next.js 16: its HTML renderer has no
 * error boundaries, so the app's not-found boundary only works in the browser, and the server answers
 * an empty error document (`<html id="__next_error__">`) whose 404 page exists only in the script
 * payload (next/dist/server/app-render/app-render.js, "errorRecovery"): nothing to read without
 * JavaScript. Here the message is rendered as part of the page, and `notFound()` is thrown inside a
 * Suspense boundary of its own: the server still answers 404 (its HTML error handler sets the status for
 * an error in a boundary), the boundary's empty fallback stays in the HTML, and in the browser the
 * boundary rethrows to the app's not-found boundary, which shows app/not-found.tsx (the same message).
 */
export function NotFoundPage() {
  return (
    <>
      <NotFoundContent />
      <Suspense fallback={null}>
        <Status404 />
      </Suspense>
    </>
  )
}
