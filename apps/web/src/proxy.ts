import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/env'
import { contentSecurityPolicy } from '@/lib/security-headers'

/**
 * Runs before Next.js routes a request: refuses malformed ones with a 4xx a person can act on, and
 * sets the Content-Security-Policy (src/lib/security-headers.ts) on everything it answers or passes.
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

const cmsOrigin = new URL(env.cmsUrl).origin
/** Next.js's draft-mode cookie: in draft mode the CMS's admin may frame the page (Live Preview). */
const draftModeCookie = '__prerender_bypass'

export function proxy(request: NextRequest): NextResponse {
  const response = check(request)
  response.headers.set('Content-Security-Policy', contentSecurityPolicy({ cmsOrigin, draft: request.cookies.has(draftModeCookie) }))
  return response
}

function check(request: NextRequest): NextResponse {
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
  return NextResponse.next()
}

export const config = {
  // Not the build's own files (static chunks, optimised images): those are never malformed here.
  matcher: ['/((?!_next/static/|_next/image).*)'],
}
