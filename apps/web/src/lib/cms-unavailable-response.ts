import { Server, type IncomingMessage, type ServerResponse } from 'node:http'
import { cmsUnavailableSince, lastKnownContact, type ClinicContact } from '@/lib/cms/availability'

/** How long a visitor (or a crawler, or the front cache) should wait before asking again. */
export const retryAfterSeconds = 30

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

/** The whole page, in plain HTML: it must read without JavaScript, stylesheets or the CMS. */
export function unavailablePage(contact: ClinicContact | undefined): string {
  const name = contact ? escapeHtml(contact.clinicName) : 'Our clinic'
  const reach = contact
    ? `<p>To book or ask us anything, call <a href="tel:${escapeHtml(contact.phone.replace(/[^\d+]/g, ''))}">${escapeHtml(contact.phone)}</a>` +
      ` or email <a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a>.</p>`
    : '<p>If you wanted to book, please call or email us; our details are on every other page.</p>'
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Not available right now · ${name}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>Sorry, this page is not available right now</h1>
<p>${name}'s website cannot load it at the moment. Please try again in a minute.</p>
${reach}
<p><a href="/">Go to the home page</a></p>
</body></html>
`
}

// Headers of Next.js's error response that would misdescribe ours.
const dropped = ['content-encoding', 'content-length', 'etag', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time', 'link']

/**
 * A page the site has never rendered, asked for while the CMS is down, cannot be made: Next.js
 * answers 500 with an empty document that its client-side error boundary paints. A visitor (and a
 * crawler, and the front cache) should be told the truth instead: 503 with `Retry-After`, and a
 * message with the clinic's phone number in the HTML itself. Next.js has no way for a page to set
 * its status to 503 (only 401/403/404 via its interrupts), so this watches each response of the
 * server process: a 500 to a GET for a page, while the site's last read from the CMS failed,
 * is answered with that page instead. Pages already cached keep answering 200 from the cache.
 */
export function answerServiceUnavailableWhileCmsIsDown(): void {
  const installed = Symbol.for('clinic.cmsUnavailableResponse')
  const global = globalThis as { [installed]?: boolean }
  if (global[installed]) return
  global[installed] = true

  const emit = Server.prototype.emit
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') watch(args[0] as IncomingMessage, args[1] as ServerResponse)
    return (emit as (...all: unknown[]) => boolean).call(this, event, ...args)
  } as typeof emit
}

function watch(req: IncomingMessage, res: ServerResponse): void {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.url?.startsWith('/_next/') || req.url?.startsWith('/api/')) return
  const { writeHead, write, end } = res
  let replaced = false
  // Everything Next.js writes after we answered is dropped (their callbacks still run).
  const dropWrite = (args: unknown[]) => {
    const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined
    if (callback) process.nextTick(callback)
  }

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (!replaced && statusCode === 500 && cmsUnavailableSince() !== undefined) {
      replaced = true
      const body = unavailablePage(lastKnownContact())
      for (const name of dropped) res.removeHeader(name)
      ;(writeHead as (...all: unknown[]) => ServerResponse).call(res, 503, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
        'Retry-After': String(retryAfterSeconds),
      })
      ;(end as (...all: unknown[]) => ServerResponse).call(res, req.method === 'HEAD' ? undefined : body)
      return res
    }
    return (writeHead as (...all: unknown[]) => ServerResponse).call(res, statusCode, ...rest)
  } as typeof writeHead
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (replaced) return dropWrite(args), true
    return (write as (...all: unknown[]) => boolean).apply(res, args)
  } as typeof write
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (replaced) return dropWrite(args), res
    return (end as (...all: unknown[]) => ServerResponse).apply(res, args)
  } as typeof end
}
