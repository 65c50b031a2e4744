import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { previewTokenCookie } from '@/lib/cms/fetch'
import { safePreviewPath } from '@/lib/preview-path'

/** Leaves draft mode and forgets the staff token, then returns to the page (or home). */
export async function GET(request: NextRequest): Promise<Response> {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(previewTokenCookie)
  const back = request.nextUrl.searchParams.get('path') ?? request.headers.get('referer')
  let path = '/'
  if (back) {
    try {
      path = safePreviewPath(back.startsWith('/') ? back : new URL(back).pathname)
    } catch {
      path = '/'
    }
  }
  redirect(path)
}
