'use client'

// An error boundary must be a client component (Next.js rule); it shows no error details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container container--narrow">
      <h1>Sorry, this page is not available right now</h1>
      <p>Something went wrong on our side while loading it. Please try again in a minute.</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => reset()}>
          Try again
        </button>{' '}
        <a href="/">Go to the home page</a>
      </p>
      <p>If you wanted to book, you can also call or email us; our details are at the bottom of every page.</p>
    </div>
  )
}
