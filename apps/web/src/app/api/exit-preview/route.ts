import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { env } from '@/env'
import { safeSitePath } from '@/lib/preview/safe-path'
import { endPreviewSession } from '@/lib/preview/session'

/** Leaves preview (draft mode and its cookie), then returns to the page (a path on this site) or home. */
export async function GET(request: NextRequest): Promise<Response> {
  await endPreviewSession()
  redirect(safeSitePath(request.nextUrl.searchParams.get('path') ?? sameSiteReferrerPath(request.headers.get('referer'))))
}

/** The path of the page the visitor came from, when it was a page of this site. */
function sameSiteReferrerPath(referer: string | null): string | null {
  if (!referer) return null
  try {
    const url = new URL(referer)
    return url.origin === new URL(env.siteUrl).origin ? `${url.pathname}${url.search}` : null
  } catch {
    return null
  }
}
