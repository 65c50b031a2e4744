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

/** How long one preview lasts once opened (live preview stays open beside the form). */
const sessionSeconds = 60 * 60

export type PreviewSession = PreviewClaims

/** Sets the preview cookie for the document of an exchanged grant, and turns draft mode on. */
export async function startPreviewSession(grant: PreviewClaims): Promise<void> {
  const session: PreviewSession = { ...grant, exp: Math.floor(Date.now() / 1000) + sessionSeconds }
  ;(await cookies()).set(previewCookie, signPreviewToken(session, env.previewSecret, 'preview-session'), {
    httpOnly: true,
    secure: env.isProduction,
    sameSite: 'lax',
    path: '/',
    maxAge: sessionSeconds,
  })
  ;(await draftMode()).enable()
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
