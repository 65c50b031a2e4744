import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'

/** Booking submissions counted per window. */
export const bookingWindowSeconds = 10 * 60

export type BookingLimits = { perSource: number; total: number }

/** One limit: `consume` resolves while under it and rejects with a `RateLimiterRes` once over. */
export type BookingCounter = Pick<RateLimiterAbstract, 'consume'>

export type BookingLimiters = {
  perSource: BookingCounter
  total: BookingCounter
  /** Closes the Redis connection (tests; a server keeps it for its lifetime). */
  close: () => Promise<void>
}

/** How long the first submissions after start-up wait for Redis before counting in memory. */
export const redisConnectWaitMs = 3_000

/**
 * The booking form's two limits, per source address and overall, with the same numbers whichever
 * store counts them: in this process, or in Redis when `redisUrl` is set (shared by every site
 * instance).
 */
export function createBookingLimiters(limits: BookingLimits, redisUrl?: string): BookingLimiters {
  const memory = (keyPrefix: string, points: number) => new RateLimiterMemory({ keyPrefix, points, duration: bookingWindowSeconds })
  if (!redisUrl) {
    return { perSource: memory('booking-source', limits.perSource), total: memory('booking-total', limits.total), close: async () => undefined }
  }
  // A Redis that is down must not take the form down: the in-process limiter takes over
  // (insuranceLimiter) until it is back. No offline queue, so a submission is not held waiting.
  const storeClient = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: redisConnectWaitMs })
  storeClient.on('error', () => undefined)
  // While the client connects, commands fail at once and would be counted in this process's
  // memory only: a visitor's first posts after a start would not count towards the shared limit.
  // So counting waits for the connection, briefly (at most redisConnectWaitMs, once).
  let ready: Promise<void> | undefined = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, redisConnectWaitMs)
    timer.unref()
    storeClient.once('ready', () => {
      clearTimeout(timer)
      resolve()
    })
  }).then(() => {
    ready = undefined
  })
  const redis = (keyPrefix: string, points: number): BookingCounter => {
    const limiter = new RateLimiterRedis({ storeClient, keyPrefix, points, duration: bookingWindowSeconds, insuranceLimiter: memory(keyPrefix, points) })
    return {
      consume: async (key, ...rest) => {
        if (ready) await ready
        return limiter.consume(key, ...rest)
      },
    }
  }
  return {
    perSource: redis('booking-source', limits.perSource),
    total: redis('booking-total', limits.total),
    close: async () => {
      storeClient.disconnect()
    },
  }
}
