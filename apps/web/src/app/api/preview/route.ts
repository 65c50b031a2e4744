import { documentIdPattern, isPreviewableCollection, verifyPreviewToken } from '@clinic/cms-types/preview-grant'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { env } from '@/env'
import { safeSitePath } from '@/lib/preview/safe-path'
import { startPreviewSession } from '@/lib/preview/session'
import { usedGrants } from '@/lib/preview/used-grants'

const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8' } })
}

const refusals = {
  missing: 'This preview link is not valid. Open the preview again from the CMS.',
  malformed: 'This preview link is not valid. Open the preview again from the CMS.',
  signature: 'This preview link is not valid. Open the preview again from the CMS.',
  expired: 'This preview link has expired (they last a few minutes). Open the preview again from the CMS.',
  used: 'This preview link was already used (each works once). Open the preview again from the CMS.',
}

/**
 * Preview, in two steps (see apps/cms/src/lib/preview.ts):
 * - `?collection=articles&id=12` (the admin's Preview button and Live Preview frame): sends the
 *   browser to the CMS, which gives staff who may read that draft a grant and sends them back;
 * - `?grant=…`: checks the grant (signature, expiry, first use), turns draft mode on with a cookie
 *   for that one document, and opens its page.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams
  const grant = params.get('grant')
  if (grant === null) {
    const collection = params.get('collection')
    const id = params.get('id')
    if (!isPreviewableCollection(collection) || !id || !documentIdPattern.test(id)) return refuse(401, refusals.missing)
    const grantUrl = new URL('/api/preview-grant', env.cmsUrl)
    grantUrl.searchParams.set('collection', collection)
    grantUrl.searchParams.set('id', id)
    return new Response(null, { status: 307, headers: { ...noStore, Location: grantUrl.toString() } })
  }

  const check = verifyPreviewToken(grant, env.previewSecret, 'preview-grant')
  if (!check.ok) return refuse(401, refusals[check.reason])
  const path = safeSitePath(check.claims.path)
  let firstUse: boolean
  try {
    firstUse = await usedGrants().claim(check.claims.jti, check.claims.exp * 1000)
  } catch (error) {
    console.error('[preview] could not record the grant as used:', error)
    return refuse(503, 'Preview is unavailable for a moment. Try again in a minute.')
  }
  if (!firstUse) return refuse(401, refusals.used)
  await startPreviewSession(check.claims)
  redirect(path)
}
