import 'server-only'
import type { BookingField, BookingRequest } from '@clinic/cms-types'
import { cmsApiUrl } from '@/lib/cms/fetch'
import { env } from '@/env'
import { noteBookingKeyAccepted, noteBookingKeyRefused } from '@/lib/health/state'

export type SendResult =
  | { ok: true; duplicate: boolean }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<BookingField, string>> }
  | { ok: false; reason: 'unavailable' }

/**
 * Creates the request in the CMS, server to server, as the booking service account (its API key
 * can create appointment requests and nothing else). A 409 means this form was already received.
 */
export async function sendBookingRequest(request: BookingRequest, idempotencyKey: string): Promise<SendResult> {
  const key = env.bookingApiKey
  if (!key) {
    console.error('[booking] BOOKING_API_KEY is not set: the request could not be sent to the CMS.')
    return { ok: false, reason: 'unavailable' }
  }
  let response: Response
  try {
    response = await fetch(cmsApiUrl('appointment-requests'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `service-accounts API-Key ${key}` },
      body: JSON.stringify({ ...request, idempotencyKey }),
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    })
  } catch (error) {
    console.error(`[booking] the CMS could not be reached: ${String(error)}`)
    return { ok: false, reason: 'unavailable' }
  }
  if (response.status === 201 || response.status === 200 || response.status === 409) noteBookingKeyAccepted()
  if (response.status === 201 || response.status === 200) return { ok: true, duplicate: false }
  if (response.status === 409) return { ok: true, duplicate: true }
  if (response.status === 401 || response.status === 403) {
    noteBookingKeyRefused()
    console.error(
      `[booking] The CMS refused BOOKING_API_KEY (${response.status}): visitors cannot book. The key is wrong or revoked, or the CMS's ` +
        'PAYLOAD_SECRET changed since it was made (API keys are stored encrypted with it). Fix: in the CMS admin, Settings → Service accounts → ' +
        'the booking account, tick "Enable API key", save, copy the new key into the site\'s BOOKING_API_KEY and restart the site.',
    )
    return { ok: false, reason: 'unavailable' }
  }
  const body = (await response.json().catch(() => null)) as { errors?: { data?: { errors?: { path?: string; message?: string }[] } }[] } | null
  if (response.status === 400) {
    const fieldErrors = body?.errors?.flatMap((error) => error.data?.errors ?? []) ?? []
    // A duplicate key that slipped past the check (two submits at the same instant) is a duplicate.
    if (fieldErrors.some((error) => error.path === 'idempotencyKey')) return { ok: true, duplicate: true }
    const errors: Partial<Record<BookingField, string>> = {}
    for (const error of fieldErrors) if (error.path && error.message) errors[error.path as BookingField] ??= error.message
    if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors }
  }
  // 401/403 (a wrong or revoked key) and 5xx: the visitor can do nothing about it; staff must.
  console.error(`[booking] the CMS answered ${response.status} to a new appointment request: ${JSON.stringify(body).slice(0, 300)}`)
  return { ok: false, reason: 'unavailable' }
}
