import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { env } from '@/env'
import { previewTokenCookie } from '@/lib/cms/fetch'
import { safePreviewPath } from '@/lib/preview-path'
import { secretMatches } from '@/lib/secret'

/**
 * Opened from the CMS admin's "Preview" button: /api/preview?secret=…&path=/articles/x&token=…
 * The secret proves the link came from the CMS; the staff token (the editor's own login) lets the
 * site read the draft version from the CMS. Both stay server-side after this request.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams
  if (!secretMatches(params.get('secret'), env.previewSecret)) {
    return new Response('This preview link is not valid. Open the preview again from the CMS.', {
      status: 401,
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const draft = await draftMode()
  draft.enable()
  const token = params.get('token')
  if (token) {
    ;(await cookies()).set(previewTokenCookie, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.isProduction && env.siteUrl.startsWith('https:'),
      path: '/',
      maxAge: 60 * 60,
    })
  }
  redirect(safePreviewPath(params.get('path')))
}
