import { NextResponse, type NextRequest } from 'next/server'
import { applyRedirects } from '@/lib/redirects/apply'

/**
 * Refuses malformed requests before Next.js routes them, with a 4xx a person can act on.
 *
 * Next.js 16 answers a path it cannot percent-decode (`/%ZZ`, `/articles/%E0%A4%A`) by rendering a
 * 400 page through the Pages Router's `/_error`, which an App Router-only site does not have: the
 * render fails and the visitor gets a bare 500 (next/dist/server/lib/router-server.js, the
 * `DecodeError` branch). The proxy runs before that decoding and ends such requests here.
 */

const plain = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }

/** Methods of the site's own API routes (others under /api are left to Next.js). */
const apiMethods: Record<string, string[]> = {
  '/api/preview': ['GET', 'HEAD'],
  '/api/exit-preview': ['GET', 'HEAD'],
  '/api/revalidate': ['POST'],
}

const pageMethods = ['GET', 'HEAD']

function badRequest(message: string): NextResponse {
  return new NextResponse(`${message}\n`, { status: 400, headers: plain })
}

export async function proxy(request: NextRequest): Promise<Response> {
  const raw = request.nextUrl.pathname
  let path: string
  try {
    path = decodeURIComponent(raw)
  } catch {
    return badRequest('This address is not valid: it contains a broken percent-encoding (such as "%ZZ"). Check the link and try again.')
  }
  // Control characters (a null byte, a line break…) never belong in one of our addresses.
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return badRequest('This address is not valid: it contains a control character. Check the link and try again.')
  }

  const method = request.method.toUpperCase()
  const allowed = apiMethods[raw] ?? (raw.startsWith('/api/') ? undefined : pageMethods)
  // Server Actions post to pages; the site has none today, but a form that uses one must still work.
  const isServerAction = method === 'POST' && request.headers.has('next-action')
  if (allowed && !allowed.includes(method) && !isServerAction) {
    return new NextResponse(`This address does not accept ${method} requests. It accepts: ${allowed.join(', ')}.\n`, {
      status: 405,
      headers: { ...plain, Allow: allowed.join(', ') },
    })
  }
  // Redirects managed in the CMS (src/lib/redirects), for page addresses only.
  if (!/^\/(_next\/|api\/|og\/|favicon\.ico$|icon\.svg$|robots\.txt$|sitemap\.xml$|feed\.xml$)/.test(raw)) {
    const redirect = await applyRedirects(request)
    if (redirect) return redirect
  }
  return NextResponse.next()
}

export const config = {
  // Not the build's own files (static chunks, optimised images): those are never malformed here.
  matcher: ['/((?!_next/static/|_next/image).*)'],
}
