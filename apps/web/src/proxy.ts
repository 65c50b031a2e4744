import { NextResponse, type NextRequest } from 'next/server'
import { applyRedirects } from '@/lib/redirects/apply'
import { env } from '@/env'
import { bookingRefusedHeader, maxBookingPostBytes, refusedBookingMessages, type RefusedBooking } from '@/lib/booking/state'
import { contentSecurityPolicy } from '@/lib/security-headers'
import { admitSearch, searchRetryAfterSeconds } from '@/lib/search/admission'
import { certainlyMissing } from '@/lib/slugs/known-slugs'
import { notFoundHtml } from '@/lib/slugs/not-found-page'
import { cmsUnavailableSince } from '@/lib/cms/availability'
import { imageRequestProblem, mediaFilePath } from '@/lib/image-requests'
import { mediaFileCertainlyMissing } from '@/lib/known-media-files'

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
const noSuchImage = 'No such image.\n'

/** Methods of the site's own API routes (others under /api are left to Next.js). */
const apiMethods: Record<string, string[]> = {
  '/api/preview': ['GET', 'HEAD'],
  '/api/exit-preview': ['GET', 'HEAD'],
  '/api/revalidate': ['POST'],
}

const pageMethods = ['GET', 'HEAD']
/**
 * Pages whose form posts back to them (a Server Action): with JavaScript off the browser's plain
 * form post carries no Next-Action header, only the action's id in the body, so POST is allowed
 * on these pages by address.
 */
const formPages = new Set(['/book'])
const formPageMethods = ['GET', 'HEAD', 'POST']

function badRequest(message: string): NextResponse {
  return new NextResponse(`${message}\n`, { status: 400, headers: plain })
}

const cmsOrigin = new URL(env.cmsUrl).origin
/** Next.js's draft-mode cookie: in draft mode the CMS's admin may frame the page (Live Preview). */
const draftModeCookie = '__prerender_bypass'

export async function proxy(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith('/_next/image')) return checkImage(request)
  const response = await check(request)
  response.headers.set('Content-Security-Policy', contentSecurityPolicy({ cmsOrigin, draft: request.cookies.has(draftModeCookie) }))
  return response
}

/**
 * The image optimiser takes exactly the requests the site's own pages make: a CMS media file by its
 * own address, one of the configured widths, the one quality, nothing else
 * (src/lib/image-requests.mjs). Anything else is a 400 before Next.js fetches or resizes anything,
 * so invented variants of a real image cost nothing and never reach its cache. A request that
 * passes gets the optimiser's own headers (its CSP included).
 */
async function checkImage(request: NextRequest): Promise<Response> {
  const method = request.method.toUpperCase()
  if (!pageMethods.includes(method)) {
    return new NextResponse(`This address does not accept ${method} requests. It accepts: ${pageMethods.join(', ')}.\n`, {
      status: 405,
      headers: { ...plain, Allow: pageMethods.join(', ') },
    })
  }
  const problem = request.nextUrl.pathname === '/_next/image' ? imageRequestProblem(request.nextUrl.searchParams, cmsOrigin) : 'This image address is not valid.'
  if (!problem) {
    // A file the CMS does not have (src/lib/known-media-files.ts): a 404 without asking the CMS.
    const name = mediaFileName(request.nextUrl.searchParams.get('url')!)
    if (name !== undefined && !(await mediaFileCertainlyMissing(name))) return NextResponse.next()
    await refusalPause()
    return name === undefined
      ? badRequest('This image address is not valid: its file name has a broken percent-encoding.')
      : new NextResponse(noSuchImage, { status: 404, headers: plain })
  }
  await refusalPause()
  return badRequest(problem)
}

/** The decoded file name of a media file's address (checked by imageRequestProblem), if it decodes. */
function mediaFileName(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(mediaFilePath.length))
  } catch {
    return undefined
  }
}

/**
 * A refused image request is answered after a pause that costs nothing (a timer): the site's pages
 * never make one, and a client looping over invented ones on N connections gets at most N answers
 * per pause instead of keeping the one JavaScript thread busy for everyone else (issue 18).
 */
function refusalPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, refusedImageDelayMs))
}

/** How long a refused image request waits for its answer (see refusalPause). */
const refusedImageDelayMs = 250

async function check(request: NextRequest): Promise<Response> {
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
  const allowed = apiMethods[raw] ?? (raw.startsWith('/api/') ? undefined : formPages.has(raw) ? formPageMethods : pageMethods)
  if (allowed && !allowed.includes(method)) {
    return new NextResponse(`This address does not accept ${method} requests. It accepts: ${allowed.join(', ')}.\n`, {
      status: 405,
      headers: { ...plain, Allow: allowed.join(', ') },
    })
  }
  if (formPages.has(raw) && method === 'POST') {
    const refused = refusedPost(request)
    if (refused) return await showFormAgain(request, refused)
  }
  // Searches are rendered for every query: at most so many start per second, whoever asks
  // (src/lib/search/admission.ts), so a flood of made-up queries cannot take the server from others.
  if (raw === '/search' && request.nextUrl.searchParams.get('q')?.trim() && !(await admitSearch())) {
    return new NextResponse(`Search is busy right now. Please try again in a few seconds.\n`, {
      status: 503,
      headers: { ...plain, 'Retry-After': String(searchRetryAfterSeconds) },
    })
  }
  // Redirects managed in the CMS (src/lib/redirects), for page addresses only.
  if (!/^\/(_next\/|api\/|og\/|favicon\.ico$|icon\.svg$|robots\.txt$|sitemap\.xml$|feed\.xml$)/.test(raw)) {
    const redirect = await applyRedirects(request)
    if (redirect) return redirect
  }
  // The address of a document that certainly does not exist: the 404 page at once, without a render
  // or a CMS read (src/lib/slugs/known-slugs.ts). Not for editors in draft mode (a draft has no
  // published slug yet) nor the client router's requests.
  if (pageMethods.includes(method) && !request.cookies.has(draftModeCookie) && !request.headers.has('rsc') && cmsUnavailableSince() === undefined) {
    const missing = certainlyMissing(path)
    if (missing === 'page') return await notFoundPage()
    // The same for the generated link-preview image of a document that does not exist.
    if (missing === 'image') return new NextResponse(noSuchImage, { status: 404, headers: { ...plain, 'X-Clinic-Not-Found': 'known-slugs' } })
  }
  return NextResponse.next()
}

async function notFoundPage(): Promise<Response> {
  const html = await notFoundHtml()
  if (!html) return NextResponse.next()
  return new NextResponse(html, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Clinic-Not-Found': 'known-slugs' } })
}

/**
 * A form post Next.js would refuse with a bare 500 (its Server Action body limit, its CSRF origin
 * check), refused here first, before anything reads the body or spends a rate limit. Next.js
 * compares Origin with X-Forwarded-Host, else Host; so does this.
 */
function refusedPost(request: NextRequest): RefusedBooking | undefined {
  const length = Number(request.headers.get('content-length') ?? '0')
  if (!Number.isFinite(length) || length > maxBookingPostBytes) return 'too-large'
  const origin = request.headers.get('origin')
  if (origin === null) return undefined
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host')
  let originHost: string | undefined
  try {
    originHost = new URL(origin).host
  } catch {
    originHost = undefined
  }
  return originHost && originHost === host ? undefined : 'other-site'
}

/**
 * Shows the form again, fresh, with a message, as a 4xx, without reading the post's body: the page
 * is fetched from this site as a plain GET carrying the reason (the page shows its message), and
 * answered with the refusal's status. If that fails, the message alone, still a 4xx.
 */
async function showFormAgain(request: NextRequest, refused: RefusedBooking): Promise<Response> {
  const status = refused === 'too-large' ? 413 : 403
  const headers = { 'Cache-Control': 'private, no-store', Connection: 'close' }
  try {
    const page = await fetch(new URL('/book', request.url), {
      headers: { [bookingRefusedHeader]: refused, accept: 'text/html' },
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    })
    if (page.ok) return new NextResponse(await page.text(), { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } })
  } catch {
    // fall through to the message alone
  }
  return new NextResponse(`${refusedBookingMessages[refused]}\n`, { status, headers: { ...plain, ...headers } })
}

export const config = {
  // Not the build's own files (static chunks): those are never malformed here.
  matcher: ['/((?!_next/static/).*)'],
}
