import 'server-only'
import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { env } from '@/env'
import { sourceKey } from './source-key'

const windowSeconds = 10 * 60

type Limiters = { perSource: RateLimiterAbstract; total: RateLimiterAbstract }

let limiters: Limiters | undefined

function create(): Limiters {
  if (env.redisUrl) {
    // Shared by every site instance. A Redis that is down must not take the form down: the
    // in-process limiter takes over (insuranceLimiter) until it is back.
    const storeClient = new Redis(env.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    storeClient.on('error', () => undefined)
    const redis = (keyPrefix: string, points: number) =>
      new RateLimiterRedis({
        storeClient,
        keyPrefix,
        points,
        duration: windowSeconds,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: windowSeconds }),
      })
    return { perSource: redis('booking-source', env.booking.limitPerSource), total: redis('booking-total', env.booking.limitTotal) }
  }
  return {
    perSource: new RateLimiterMemory({ keyPrefix: 'booking-source', points: env.booking.limitPerSource, duration: windowSeconds }),
    total: new RateLimiterMemory({ keyPrefix: 'booking-total', points: env.booking.limitTotal, duration: windowSeconds }),
  }
}

/**
 * Counts one submission from `source` (an IPv6 address counts as its /64, see source-key.ts) and
 * one overall. The form's action calls it only for posts that passed its free checks (token,
 * honeypot, fill time; origin and size in src/proxy.ts), so junk never spends the overall budget. Returns the seconds until the visitor may
 * try again, or 0 when the submission may go ahead.
 */
export async function consumeBookingAttempt(source: string): Promise<number> {
  limiters ??= create()
  try {
    await limiters.perSource.consume(sourceKey(source))
    await limiters.total.consume('all')
    return 0
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    throw rejection
  }
}
