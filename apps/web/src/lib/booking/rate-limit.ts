import 'server-only'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '@/env'
import { createBookingLimiters, type BookingLimiters } from './limiters'
import { sourceKey } from '@clinic/cms-types/source-key'

type Limiters = BookingLimiters

let limiters: Limiters | undefined

// In Redis when REDIS_URL is set (shared by every site instance), in this process otherwise;
// the same limits either way (limiters.ts, tested over both stores).
const create = (): Limiters => createBookingLimiters({ perSource: env.booking.limitPerSource, total: env.booking.limitTotal }, env.redisUrl)

/**
 * Counts one submission from `source` (an IPv6 address counts as its /64, see @clinic/cms-types/source-key) and
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
