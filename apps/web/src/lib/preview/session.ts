import 'server-only'
import { signPreviewToken, verifyPreviewToken, type PreviewClaims } from '@clinic/cms-types/preview-grant'
import { cookies, draftMode } from 'next/headers'
import { env } from '@/env'

/**
 * An editor's preview on this site: made from a CMS grant by /api/preview, kept in an httpOnly
 * cookie signed by this site, and checked on every draft read. It names the one document whose
 * draft may be shown; everything else on the page is the published version.
 */
export const previewCookie = 'clinic-preview'
/** Next.js's own draft-mode cookie (the same value for every preview of a build). */
const draftModeCookie = '__prerender_bypass'

/** How long one preview lasts once opened (live preview stays open beside the form). */
const sessionSeconds = 60 * 60

export type PreviewSession = PreviewClaims

/** Sets the preview cookie for the document of an exchanged grant, and turns draft mode on. */
export async function startPreviewSession(grant: PreviewClaims): Promise<void> {
  const session: PreviewSession = { ...grant, exp: Math.floor(Date.now() / 1000) + sessionSeconds }
  const jar = await cookies()
  const options = { httpOnly: true, secure: env.isProduction, sameSite: 'lax', path: '/', maxAge: sessionSeconds } as const
  jar.set(previewCookie, signPreviewToken(session, env.previewSecret, 'preview-session'), options)
  ;(await draftMode()).enable()
  // Next.js sets its draft-mode cookie `SameSite=None`: Chromium drops that in the admin's Live
  // Preview frame (another origin), and nothing needs it cross-site. Same value, SameSite=Lax.
  const bypass = jar.get(draftModeCookie)?.value
  if (bypass) jar.set(draftModeCookie, bypass, options)
}

/** Leaves preview: forgets the cookie and turns draft mode off. */
export async function endPreviewSession(): Promise<void> {
  const jar = await cookies()
  jar.delete(previewCookie)
  // Left by the previous preview design (an editor's login token); never read any more.
  jar.delete('clinic-preview-token')
  ;(await draftMode()).disable()
}

/**
 * The preview of this request, or null. Draft mode alone (Next.js's `__prerender_bypass` cookie,
 * the same for every preview of a build) is not enough: the signed, unexpired cookie must be there.
 */
export async function currentPreview(): Promise<PreviewSession | null> {
  // During `next build` there is no request, so there is no preview either.
  if (env.isBuildPhase) return null
  if (!(await draftMode()).isEnabled) return null
  const check = verifyPreviewToken((await cookies()).get(previewCookie)?.value, env.previewSecret, 'preview-session')
  return check.ok ? check.claims : null
}
