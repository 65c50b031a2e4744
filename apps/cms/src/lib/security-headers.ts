import { env } from '@/env'

/**
 * The security headers of every CMS response, in one place: `src/proxy.ts` puts them on the
 * admin's pages, assets and not-found pages; the API's request guard puts them on every API
 * response (JSON, GraphQL, uploaded files, errors). The proxy does not run for /api: Next.js
 * buffers a request's body for a proxy, which would read an oversized upload before the guard
 * can refuse it.
 */

const siteOrigin = new URL(env.siteUrl).origin

/**
 * The admin is a React app that Next.js streams with inline `<script>` tags (its flight data)
 * and that sets inline styles throughout, so scripts and styles need 'unsafe-inline': a nonce would
 * make every admin page dynamic in Next's eyes and Payload's own inline scripts do not carry one.
 * Everything else is closed down: no plugins, no foreign scripts, forms and base URL to the CMS,
 * framed only by the CMS itself. Images may be `blob:` (upload previews before saving) and `data:`
 * (Payload's placeholder icons). `frame-src` lets live preview show the site inside the admin.
 */
const adminCsp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  `frame-src 'self' ${siteOrigin}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/**
 * API answers are data, never documents to render: nothing in them may run, load or be framed.
 * Uploaded images are served under this policy too, so an image opened on its own cannot script.
 */
const apiCsp = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

const common: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'SAMEORIGIN',
}

/** HSTS only where the CMS is served over HTTPS for real: production. */
const hsts: Record<string, string> = env.nodeEnv === 'production' ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}

export type HeaderKind = 'admin' | 'api'

/** The headers for a response of this kind. */
export function securityHeaders(kind: HeaderKind): Record<string, string> {
  return { ...common, ...hsts, 'Content-Security-Policy': kind === 'admin' ? adminCsp : apiCsp }
}

/** Sets the security headers on a response's headers (replacing any of the same name). */
export function applySecurityHeaders(headers: Headers, kind: HeaderKind): Headers {
  for (const [name, value] of Object.entries(securityHeaders(kind))) headers.set(name, value)
  return headers
}
