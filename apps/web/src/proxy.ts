import type { NextRequest } from 'next/server'
import { applyRedirects } from '@/lib/redirects/apply'

/** Redirects managed in the CMS (src/lib/redirects). */
export async function proxy(request: NextRequest): Promise<Response | undefined> {
  return applyRedirects(request)
}

export const config = {
  // Pages only: not build assets, optimised images, API routes, social images or machine files.
  matcher: ['/((?!_next/|api/|og/|favicon.ico|icon.svg|robots.txt|sitemap.xml|feed.xml).*)'],
}
