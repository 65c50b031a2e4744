import 'server-only'
import Redis from 'ioredis'
import { env } from '@/env'
import { bookingKeyRefused, noteBookingKeyAccepted, noteBookingKeyRefused } from './state'

const timeoutMs = 2000

export interface SiteReadiness {
  status: 'ok' | 'degraded'
  checks: { cms: 'ok' | 'unreachable' | 'not ready'; cache: 'ok' | 'unreachable' | 'in process'; bookingKey: 'ok' | 'refused by the CMS' | 'not set' }
  degraded: string[]
}

let redis: Redis | undefined
function redisClient(url: string): Redis {
  // One connection for every readiness call; commands fail at once while it is down (no queue).
  redis ??= new Redis(url, { lazyConnect: false, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false })
  redis.on('error', () => {
    // reported by the failed PING
  })
  return redis
}

async function cmsCheck(): Promise<SiteReadiness['checks']['cms']> {
  try {
    const response = await fetch(`${env.cmsUrl}/api/health`, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) })
    await response.arrayBuffer()
    return response.ok ? 'ok' : 'not ready'
  } catch {
    return 'unreachable'
  }
}

async function cacheCheck(): Promise<SiteReadiness['checks']['cache']> {
  if (!env.redisUrl) return 'in process'
  try {
    const client = redisClient(env.redisUrl)
    if (client.status !== 'ready') {
      // Just made, or reconnecting: give it the timeout to (re)connect before asking.
      await new Promise<void>((resolve) => {
        const ready = () => (clearTimeout(timer), resolve())
        const timer = setTimeout(() => (client.off('ready', ready), resolve()), timeoutMs)
        client.once('ready', ready)
      })
    }
    return (await client.ping()) === 'PONG' ? 'ok' : 'unreachable'
  } catch {
    return 'unreachable'
  }
}

const keyCheckEveryMs = 30_000
let keyCheckedAt = 0

/**
 * Whether the CMS still lets BOOKING_API_KEY create appointment requests (a changed PAYLOAD_SECRET
 * silently voids it): asked at most every 30 s, as the key's own account, through Payload's
 * permissions endpoint (`/api/access`, no write).
 */
async function bookingKeyCheck(key: string): Promise<void> {
  if (Date.now() - keyCheckedAt < keyCheckEveryMs) return
  try {
    const response = await fetch(`${env.cmsUrl}/api/access`, {
      headers: { Authorization: `service-accounts API-Key ${key}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok && response.status !== 401 && response.status !== 403) return
    const body = (await response.json().catch(() => null)) as { collections?: Record<string, { create?: boolean | { permission?: boolean } }> } | null
    keyCheckedAt = Date.now()
    const create = body?.collections?.['appointment-requests']?.create
    if (create === true || (typeof create === 'object' && create.permission === true)) noteBookingKeyAccepted()
    else {
      if (!bookingKeyRefused()) {
        console.error(
          '[booking] The CMS does not accept BOOKING_API_KEY: visitors cannot book. The key is wrong or revoked, or the CMS\'s PAYLOAD_SECRET changed ' +
            'since it was made. Fix: in the CMS admin, Settings → Service accounts → the booking account, tick "Enable API key", save, and set the new key as the site\'s BOOKING_API_KEY.',
        )
      }
      noteBookingKeyRefused()
    }
  } catch {
    // The CMS is unreachable: reported as such; the key's state is unknown until it answers.
  }
}

export async function readiness(): Promise<SiteReadiness> {
  const [cms, cache] = await Promise.all([cmsCheck(), cacheCheck()])
  if (cms === 'ok' && env.bookingApiKey) await bookingKeyCheck(env.bookingApiKey)
  const bookingKey = !env.bookingApiKey ? 'not set' : bookingKeyRefused() ? 'refused by the CMS' : 'ok'
  const degraded: string[] = []
  if (cms !== 'ok') degraded.push(`cms: ${cms} (pages are served from the cache; new content and bookings wait)`)
  if (cache === 'unreachable') degraded.push('cache: Redis unreachable (each instance caches in its own memory)')
  if (bookingKey === 'refused by the CMS') {
    degraded.push('booking: the CMS refuses BOOKING_API_KEY (make a new key for the booking service account and set it on the site)')
  }
  if (bookingKey === 'not set') degraded.push('booking: BOOKING_API_KEY is not set (the booking form cannot send requests)')
  return { status: degraded.length === 0 ? 'ok' : 'degraded', checks: { cms, cache, bookingKey }, degraded }
}
