import { createHmac, timingSafeEqual } from 'node:crypto'
import { collectionSlugs } from './collections'

/**
 * Preview grants: the contract between the CMS (which issues them to staff) and the site (which
 * exchanges each one, once, for a preview cookie). Server-side only: it signs with the secret the
 * two apps share (the CMS's SITE_PREVIEW_SECRET, the site's PREVIEW_SECRET), which never appears in
 * a URL. A grant names one document and the site path that shows it, and lives a few minutes.
 */

/** Collections with a page of their own on the site, so something to preview. */
export const previewableCollections = [
  collectionSlugs.articles,
  collectionSlugs.services,
  collectionSlugs.exercises,
  collectionSlugs.conditions,
  collectionSlugs.pages,
] as const

export type PreviewableCollection = (typeof previewableCollections)[number]

export function isPreviewableCollection(value: unknown): value is PreviewableCollection {
  return typeof value === 'string' && (previewableCollections as readonly string[]).includes(value)
}

/** The site path of a document, e.g. `/articles/sciatica-and-massage`. */
export function sitePathOf(collection: PreviewableCollection, slug: string): string {
  const segment = encodeURIComponent(slug)
  return collection === 'pages' ? `/${segment}` : `/${collection}/${segment}`
}

/** How long a grant may wait between "Preview" in the admin and the site exchanging it. */
export const previewGrantLifetimeSeconds = 5 * 60

/** Document ids are numbers (SQLite) or ObjectIds (MongoDB): short, no separators. */
export const documentIdPattern = /^[A-Za-z0-9_-]{1,64}$/

/** The header the site's server sends to read drafts (see `previewReaderCredential`). */
export const previewReaderHeader = 'x-preview-reader'

/** What a grant (and the site's preview cookie made from it) says. */
export interface PreviewClaims {
  /** Unique id of the grant: the site refuses a second exchange of the same id. */
  jti: string
  collection: PreviewableCollection
  id: string
  /** Site path the grant opens (same-origin path, computed by the CMS from the slug). */
  path: string
  /** Expiry, in seconds since the epoch. */
  exp: number
}

type Purpose = 'preview-grant' | 'preview-session'

function keyFor(secret: string, purpose: Purpose | 'preview-reader'): Buffer {
  // One shared secret, a separate key per use: a grant cannot pass for a cookie or a read credential.
  return createHmac('sha256', secret).update(`clinic:${purpose}:v1`).digest()
}

function mac(secret: string, purpose: Purpose, payload: string): Buffer {
  return createHmac('sha256', keyFor(secret, purpose)).update(payload).digest()
}

/** Signs claims as `<base64url JSON>.<base64url HMAC-SHA256>`. */
export function signPreviewToken(claims: PreviewClaims, secret: string, purpose: Purpose): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${mac(secret, purpose, payload).toString('base64url')}`
}

export type PreviewTokenCheck =
  | { ok: true; claims: PreviewClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' }

/** Verifies a token made by `signPreviewToken` for the same purpose: signature, shape and expiry. */
export function verifyPreviewToken(
  token: string | null | undefined,
  secret: string,
  purpose: Purpose,
  nowMs: number = Date.now(),
): PreviewTokenCheck {
  if (!token) return { ok: false, reason: 'missing' }
  if (token.length > 2048) return { ok: false, reason: 'malformed' }
  const [payload, signature, ...rest] = token.split('.')
  if (!payload || !signature || rest.length > 0) return { ok: false, reason: 'malformed' }
  const expected = mac(secret, purpose, payload)
  const presented = Buffer.from(signature, 'base64url')
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return { ok: false, reason: 'signature' }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' }
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' }
  return { ok: true, claims }
}

function isClaims(value: unknown): value is PreviewClaims {
  if (!value || typeof value !== 'object') return false
  const claims = value as Record<string, unknown>
  return (
    typeof claims.jti === 'string' &&
    claims.jti.length > 0 &&
    claims.jti.length <= 64 &&
    isPreviewableCollection(claims.collection) &&
    typeof claims.id === 'string' &&
    documentIdPattern.test(claims.id) &&
    typeof claims.path === 'string' &&
    claims.path.startsWith('/') &&
    typeof claims.exp === 'number' &&
    Number.isFinite(claims.exp)
  )
}

/**
 * The credential the site's server presents (in `previewReaderHeader`, never in a URL) to read
 * drafts of content collections; derived from the shared secret, so it can read and nothing else.
 */
export function previewReaderCredential(secret: string): string {
  return keyFor(secret, 'preview-reader').toString('base64url')
}

/** Compares a presented reader credential with the expected one in constant time. */
export function isPreviewReaderCredential(presented: string | null | undefined, secret: string): boolean {
  if (!presented) return false
  const a = createHmac('sha256', 'compare').update(presented).digest()
  const b = createHmac('sha256', 'compare').update(previewReaderCredential(secret)).digest()
  return timingSafeEqual(a, b)
}
