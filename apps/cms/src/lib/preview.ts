import { randomUUID } from 'node:crypto'
import {
  documentIdPattern,
  isPreviewableCollection,
  isPreviewReaderCredential,
  previewGrantLifetimeSeconds,
  previewReaderHeader,
  signPreviewToken,
  sitePathOf,
  type PreviewableCollection,
} from '@clinic/cms-types/preview-grant'
import type { Access, CollectionConfig, Endpoint, LivePreviewConfig, PayloadRequest, Where } from 'payload'
import { userIsStaff } from '@/access'
import { env } from '@/env'

/**
 * Preview on the site, without a login token or a shared secret in any URL.
 *
 * 1. "Preview" (and the Live Preview frame) in the admin open `SITE/api/preview?collection=…&id=…`:
 *    a link that names the document and nothing else.
 * 2. The site sends the browser on to this CMS's `/api/preview-grant?collection=…&id=…`. Only staff
 *    who may read that document's draft get past it; they are sent back to the site with a grant:
 *    signed, valid for a few minutes, naming this one document and its page.
 * 3. The site exchanges the grant once for an httpOnly cookie and shows the page in draft mode,
 *    reading the draft of that one document with its own server-side reader credential
 *    (`previewReaderHeader`), never the editor's session.
 *
 * The grant is made when the editor clicks (step 2), not when the admin renders the link, so a
 * form left open for an hour still previews.
 */

/** The address the admin links to for a document's preview (`null`: nothing to preview yet). */
export function sitePreviewEntryUrl(collection: string, id: unknown): string | null {
  if (!isPreviewableCollection(collection)) return null
  if ((typeof id !== 'string' && typeof id !== 'number') || !documentIdPattern.test(String(id))) return null
  const url = new URL('/api/preview', env.siteUrl)
  url.searchParams.set('collection', collection)
  url.searchParams.set('id', String(id))
  return url.toString()
}

/** `admin.preview` of a content collection: the "Preview" button. */
export function sitePreview(collection: string): NonNullable<NonNullable<CollectionConfig['admin']>['preview']> {
  return (doc) => sitePreviewEntryUrl(collection, doc.id)
}

/**
 * `admin.livePreview` of a content collection: the site beside the form, at phone, tablet and
 * desktop widths. The frame starts on the site's origin (Payload sends its messages to the frame's
 * origin, and accepts the site's "ready" from it); the pages refresh on each autosave.
 */
export function siteLivePreview(collection: string): LivePreviewConfig | undefined {
  if (!isPreviewableCollection(collection)) return undefined
  return {
    url: ({ data }) => sitePreviewEntryUrl(collection, (data as { id?: unknown } | undefined)?.id) ?? '',
    breakpoints: [
      { label: 'Phone', name: 'phone', width: 375, height: 667 },
      { label: 'Tablet', name: 'tablet', width: 768, height: 1024 },
      { label: 'Desktop', name: 'desktop', width: 1440, height: 900 },
    ],
  }
}

const noStore = { 'Cache-Control': 'no-store' }

/**
 * GET /api/preview-grant?collection=articles&id=12 — for staff who may read that document's draft:
 * redirects to the site's `/api/preview?grant=…`. Sends JSON `{ url }` instead when asked for JSON.
 */
export const previewGrantEndpoint: Endpoint = {
  path: '/preview-grant',
  method: 'get',
  handler: async (req) => {
    const collection = req.searchParams.get('collection')
    const id = req.searchParams.get('id')
    if (!isPreviewableCollection(collection) || !id || !documentIdPattern.test(id)) {
      return Response.json(
        { error: 'Name the document to preview: ?collection=articles|services|exercises|conditions|pages&id=<document id>.' },
        { status: 400, headers: noStore },
      )
    }
    if (!req.user) {
      return Response.json({ error: 'Log in to the CMS to preview drafts, then open the preview again.' }, { status: 401, headers: noStore })
    }
    if (!userIsStaff(req.user) || !env.sitePreviewSecret) {
      return Response.json({ error: 'Your account may not preview drafts.' }, { status: 403, headers: noStore })
    }
    const slug = await draftSlug(req, collection, id)
    if (slug === undefined) {
      return Response.json({ error: 'There is no such document, or your account may not read its draft.' }, { status: 404, headers: noStore })
    }
    if (!slug) {
      if (wantsJson(req)) {
        return Response.json({ error: 'Give the document a slug (save it once) before previewing it.' }, { status: 409, headers: noStore })
      }
      // A browser (the Live Preview frame, opened before the first save): a page that says so and
      // asks again every few seconds, so the frame shows the page once the first autosave gives it a
      // slug. It cannot wait for the admin's messages: they go to the site's origin, not the CMS's.
      return new Response(waitingForSlugPage, {
        status: 200,
        headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8', 'Referrer-Policy': 'no-referrer' },
      })
    }
    const grant = signPreviewToken(
      {
        jti: randomUUID(),
        collection,
        id,
        path: sitePathOf(collection, slug),
        exp: Math.floor(Date.now() / 1000) + previewGrantLifetimeSeconds,
      },
      env.sitePreviewSecret,
      'preview-grant',
    )
    const url = new URL('/api/preview', env.siteUrl)
    url.searchParams.set('grant', grant)
    if (wantsJson(req)) {
      return Response.json({ url: url.toString(), expiresIn: previewGrantLifetimeSeconds }, { headers: noStore })
    }
    // 303: the browser follows with a GET; the grant's URL is not worth keeping as a Referer.
    return new Response(null, {
      status: 303,
      headers: { ...noStore, Location: url.toString(), 'Referrer-Policy': 'no-referrer' },
    })
  },
}

const wantsJson = (req: PayloadRequest): boolean => Boolean(req.headers.get('accept')?.includes('application/json'))

/** Seconds between two asks of the page shown until a new document has a slug. */
export const waitingForSlugRefreshSeconds = 2

/**
 * Shown in the Live Preview frame until the document has a slug. A meta refresh rather than a
 * script: API answers carry a CSP without scripts, and a refresh needs none.
 */
const waitingForSlugPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${waitingForSlugRefreshSeconds}">
<meta name="robots" content="noindex">
<title>Preview appears after the first save</title>
<style>
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2a2e;background:#f6f4ef;display:grid;place-items:center;min-height:100vh}
main{max-width:28rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .5rem}
p{margin:0;color:#4a5a60}
</style>
</head>
<body>
<main>
<h1>The preview appears here as soon as the page is saved</h1>
<p>Give it a title: the draft saves itself within a second, and this pane then shows the page on the site.</p>
</main>
</body>
</html>
`

/** The slug of the latest draft, read with the staff member's own access; undefined when not readable. */
async function draftSlug(req: PayloadRequest, collection: PreviewableCollection, id: string): Promise<string | null | undefined> {
  try {
    const doc = await req.payload.findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
      select: { slug: true },
      disableErrors: true,
    })
    if (!doc) return undefined
    const slug = (doc as { slug?: unknown }).slug
    return typeof slug === 'string' && slug ? slug : null
  } catch {
    return undefined
  }
}

/** Whether the request comes from the site's server with its draft-reader credential. */
export function isPreviewReader(req: PayloadRequest): boolean {
  if (!env.sitePreviewSecret) return false
  return isPreviewReaderCredential(req.headers.get(previewReaderHeader), env.sitePreviewSecret)
}

const publishedOnly: Where = { _status: { equals: 'published' } }

/**
 * Read access of content collections: staff and the site's preview reader see drafts, everyone
 * else published documents only. The reader can read, nothing more (no versions, no writes).
 */
export const publishedOrStaffOrPreviewReader: Access = ({ req }) =>
  userIsStaff(req.user) || isPreviewReader(req) ? true : publishedOnly
