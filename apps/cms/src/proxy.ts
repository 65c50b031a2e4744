import { NextResponse } from 'next/server'
import { applySecurityHeaders } from '@/lib/security-headers'

/**
 * Puts the CMS's security headers on everything outside the API: admin pages, their assets and
 * not-found pages. The API sets its own (see with-request-guard.ts): Next.js buffers the body of a
 * request the proxy handles, and the API must be able to refuse an oversized body unread.
 */
export function proxy(): NextResponse {
  const response = NextResponse.next()
  applySecurityHeaders(response.headers, 'admin')
  return response
}

export const config = {
  matcher: ['/((?!api/|api$).*)'],
}
