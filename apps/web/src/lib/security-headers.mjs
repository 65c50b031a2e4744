/**
 * The site's security headers, in one place: next.config.mjs sends the fixed ones on every response,
 * src/proxy.ts adds the Content-Security-Policy to every page and API response.
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
 *
 * Plain JavaScript: next.config.mjs imports it as it is (types: security-headers.d.mts).
 */

/**
 * The Content-Security-Policy of a response, set by src/proxy.ts at run time (it names the CMS's
 * origin, which the site learns from CMS_URL when it starts, not when it is built).
 */
/**
 * @param {{ cmsOrigin: string; draft: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ cmsOrigin, draft }) {
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
    `frame-ancestors ${draft ? cmsOrigin : "'none'"}`,
  ].join('; ')
}

/**
 * The headers that never vary: next.config.mjs sends them on every response, build files included.
 * @param {{ production: boolean }} options
 * @returns {{ key: string; value: string }[]}
 */
export function fixedSecurityHeaders({ production }) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // Nothing on the site uses these; no embedded page may either.
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    // HSTS for a production build (browsers ignore it over plain http, so local runs are unaffected).
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }] : []),
  ]
}
