import 'server-only'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '@/env'
import { createBookingLimiters, type BookingLimiters } from './limiters'

type Limiters = BookingLimiters

let limiters: Limiters | undefined

// In Redis when REDIS_URL is set (shared by every site instance), in this process otherwise;
// the same limits either way (limiters.ts, tested over both stores).
const create = (): Limiters => createBookingLimiters({ perSource: env.booking.limitPerSource, total: env.booking.limitTotal }, env.redisUrl)

/**
 * Counts one submission from `source` (and one overall). Returns the seconds until the visitor may
 * try again, or 0 when the submission may go ahead.
 */
export async function consumeBookingAttempt(source: string): Promise<number> {
  limiters ??= create()
  try {
    await limiters.perSource.consume(source)
    await limiters.total.consume('all')
    return 0
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    throw rejection
  }
}
