/**
 * The site's security headers, in one place (next.config.ts sends them on every response).
 *
 * Scripts: `'self' 'unsafe-inline'`, on purpose. Next.js streams each page's data as inline
 * `<script>self.__next_f.push(…)</script>` whose content differs per page and per deploy, so hashes
 * cannot be listed ahead of time, and nonces need a fresh value per response, which makes every
 * page render per request (no static or cached pages). 'self' still keeps out scripts from any other
 * origin; with no HTML from the CMS rendered as raw HTML (rich text becomes React elements),
 * `object-src 'none'`, `base-uri 'self'`, `form-action 'self'` and framing refused, that is as strict
 * as the framework allows for cached pages. No `eval` ('unsafe-eval' is not granted).
 *
 * Framing: refused (`frame-ancestors 'none'`), except in draft mode, where the CMS's admin (and only
 * it) may frame the site for Live Preview. Published pages are never framed, so the exception is tied
 * to the draft-mode cookie rather than granted to every page.
 */

export interface SecurityHeaderOptions {
  /** Origin of the CMS: images are served from it, and its admin frames previews. */
  cmsOrigin: string
  /** HSTS only for a production build (browsers ignore it over plain http anyway). */
  production: boolean
}

type Header = { key: string; value: string }

function contentSecurityPolicy(cmsOrigin: string, frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    // React and next/image write a few style attributes (e.g. `color:transparent` on images).
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${cmsOrigin}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

function common({ production }: SecurityHeaderOptions): Header[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // Nothing on the site uses these; no embedded page may either.
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }] : []),
  ]
}

/** Headers for a response to a visitor (no draft mode): nothing may frame the site. */
export function publicSecurityHeaders(options: SecurityHeaderOptions): Header[] {
  return [...common(options), { key: 'Content-Security-Policy', value: contentSecurityPolicy(options.cmsOrigin, "'none'") }]
}

/** Headers in draft mode: the CMS's admin may frame the page (Live Preview). */
export function draftSecurityHeaders(options: SecurityHeaderOptions): Header[] {
  return [...common(options), { key: 'Content-Security-Policy', value: contentSecurityPolicy(options.cmsOrigin, options.cmsOrigin) }]
}
