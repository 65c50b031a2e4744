import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { env } from '@/env'
import { cmsUnavailableSince } from '@/lib/cms/availability'
import { lookupKey } from '@/lib/redirects/apply'
import { currentRedirectMap } from '@/lib/redirects/map'
import { contentSecurityPolicy, fixedSecurityHeaders } from '@/lib/security-headers'
import { certainlyMissing } from './known-slugs'
import { freshNotFoundHtml } from './not-found-page'

/**
 * Made-up document addresses answered before Next.js sees them (issue 18). The proxy already
 * answers them without a render, but a request that reaches the proxy has been through Next.js's
 * router, the proxy adapter and the response pipeline: ~2-4 ms of the one JavaScript thread each
 * on a busy 2-core server. 2,000 junk requests, 48 at a time, then kept that thread busy, and a
 * visitor's cached page waited behind ~48 of them (p95 150-250 ms in `pnpm bench`); 200 at once
 * held every request for most of a second.
 *
 * Here, in the HTTP server's own request event, a GET or HEAD for `/<collection>/<slug>`, a CMS
 * page's `/<slug>`, their `/og/…` images, or a deeper path outside the site's routes, that the
 * known slugs (./known-slugs.ts) certainly rule out is answered with the
 * same 404 and the same headers the proxy sends, in a few microseconds. Everything the proxy would
 * treat otherwise goes on to Next.js untouched: a path that is not plain (percent-encoding that does
 * not decode, control characters), a redirect's address or a redirect map that is not current,
 * draft mode, the client router's requests, a CMS that failed its last answer, and a 404 page copy
 * that is not fresh (the proxy renders it again).
 */
const installed = Symbol.for('clinic.earlyNotFound')

const draftModeCookie = /(?:^|;\s*)__prerender_bypass=/

type Answer = { status: number; headers: Record<string, string>; body: string }

/** The early answer for a request, or undefined to let Next.js (and the proxy) handle it. */
export function earlyNotFound(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): Answer | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
  const url = request.url
  // Not the build's files nor the API, cheaply, before anything else; `certainlyMissing` decides the rest.
  if (!url || !url.startsWith('/') || url.startsWith('/_next/') || url.startsWith('/api/')) return undefined
  if (request.headers.rsc !== undefined || draftModeCookie.test(request.headers.cookie ?? '')) return undefined
  if (cmsUnavailableSince() !== undefined) return undefined
  const raw = url.split('?')[0]!
  let path: string
  try {
    path = decodeURIComponent(raw)
  } catch {
    return undefined
  }
  if (/[\u0000-\u001f\u007f]/.test(path)) return undefined
  const redirects = currentRedirectMap()
  if (!redirects || redirects.has(lookupKey(raw))) return undefined
  const missing = certainlyMissing(path)
  if (!missing) return undefined
  const headers = answerHeaders()
  if (missing === 'image') return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'No such image.\n' }
  const html = freshNotFoundHtml()
  if (!html) return undefined
  return { status: 404, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' }, body: html }
}

/** The headers every early answer carries; they depend only on the settings, so they are built once. */
let sharedHeaders: Readonly<Record<string, string>> | undefined
function answerHeaders(): Readonly<Record<string, string>> {
  sharedHeaders ??= {
    ...Object.fromEntries(fixedSecurityHeaders({ production: env.nodeEnv === 'production' }).map(({ key, value }) => [key, value])),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': contentSecurityPolicy({ cmsOrigin: new URL(env.cmsUrl).origin, draft: false }),
    'X-Clinic-Not-Found': 'known-slugs',
  }
  return sharedHeaders
}

/** Makes every HTTP server in this process answer certain junk itself (idempotent). */
export function installEarlyNotFound(server: typeof Server): void {
  const proto = server.prototype as Server & { [installed]?: true }
  if (proto[installed]) return
  proto[installed] = true
  const emit = proto.emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse]
      let answer: Answer | undefined
      try {
        answer = earlyNotFound(request)
      } catch {
        answer = undefined
      }
      if (answer) {
        const body = Buffer.from(answer.body)
        response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.length) })
        response.end(request.method === 'HEAD' ? undefined : body)
        return true
      }
    }
    return emit.call(this, event, ...args)
  } as typeof proto.emit
}
