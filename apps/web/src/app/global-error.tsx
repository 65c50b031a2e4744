'use client'

// Shown only if the site's own layout fails; it replaces the whole document and shows no error details.
export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem' }}>
        <h1>Sorry, the site is not available right now</h1>
        <p>Something went wrong on our side. Please try again in a few minutes.</p>
        <p>
          <a href="/">Try the home page</a>
        </p>
      </body>
    </html>
  )
}
