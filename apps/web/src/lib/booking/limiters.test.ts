// The booking form's limits, table-driven over both stores they can live in: this process's memory
// (one site instance) and a real redis-server (several instances; Debian's, on a free loopback port,
// stopped by its PID). The numbers are the configured ones (env: 8 per address, 200 overall).
import { randomUUID } from 'node:crypto'
import { startRedisServer } from '@clinic/test-support'
import { Redis } from 'ioredis'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { env } from '@/env'
import { createBookingLimiters, type BookingLimiters } from './limiters'

const limits = { perSource: env.booking.limitPerSource, total: env.booking.limitTotal }

let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined
const opened: BookingLimiters[] = []

beforeAll(async () => {
  redis = await startRedisServer()
}, 30_000)

// Each test starts from an empty Redis, as from a fresh memory: the overall count is one key.
beforeEach(async () => {
  const client = new Redis(redis!.url)
  await client.flushall()
  client.disconnect()
})

afterAll(async () => {
  await Promise.all(opened.map((limiters) => limiters.close()))
  await redis?.stop()
})

/** A site instance's limiters, on the store named. */
function instance(store: 'memory' | 'redis'): BookingLimiters {
  const limiters = createBookingLimiters(limits, store === 'redis' ? redis!.url : undefined)
  opened.push(limiters)
  return limiters
}

/** One post, counted as the site counts it (per address, then overall): true when let through. */
async function post(limiters: BookingLimiters, source: string): Promise<boolean> {
  try {
    await limiters.perSource.consume(source)
    await limiters.total.consume('all')
    return true
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false
    throw rejection
  }
}

async function posts(limiters: BookingLimiters, sources: string[]): Promise<boolean[]> {
  const results: boolean[] = []
  for (const source of sources) results.push(await post(limiters, source))
  return results
}

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`

describe.each([
  ['in this process', 'memory'],
  ['in Redis', 'redis'],
] as const)('booking limits counted %s', (_label, store) => {
  it(`lets one address post ${limits.perSource} times in the window and refuses its next post; another address still gets through`, async () => {
    const limiters = instance(store)
    const visitor = address()
    expect(await posts(limiters, Array(limits.perSource + 1).fill(visitor))).toEqual([...Array(limits.perSource).fill(true), false])
    expect(await post(limiters, address())).toBe(true)
  })

  it(`lets ${limits.total} posts through overall from different addresses, then refuses the next, whoever sends it`, async () => {
    const limiters = instance(store)
    const results = await posts(
      limiters,
      Array.from({ length: limits.total }, () => address()),
    )
    expect(results.filter(Boolean)).toHaveLength(limits.total)
    expect(await post(limiters, address())).toBe(false)
  }, 30_000)
})

describe('booking limits in Redis, across site instances', () => {
  it('a limit reached on one instance is enforced on another', async () => {
    const a = instance('redis')
    const b = instance('redis')
    const visitor = address()
    await posts(a, Array(Math.ceil(limits.perSource / 2)).fill(visitor))
    expect(await posts(b, Array(Math.floor(limits.perSource / 2)).fill(visitor))).not.toContain(false)
    expect(await post(b, visitor)).toBe(false)
    expect(await post(a, visitor)).toBe(false)
  })

  it(`a fresh instance counts the posts it gets while connecting to Redis: the visitor's ${limits.perSource + 1}th post is refused`, async () => {
    const warm = instance('redis')
    await post(warm, address())
    const visitor = address()
    // Posts arrive the moment the instance starts, before its Redis connection is up …
    const fresh = instance('redis')
    const first = await posts(fresh, Array(limits.perSource - 2).fill(visitor))
    // … and the rest once it is connected, on this instance and another one.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const later = await posts(fresh, Array(2).fill(visitor))
    expect([...first, ...later]).not.toContain(false)
    expect(await post(fresh, visitor)).toBe(false)
    expect(await post(warm, visitor)).toBe(false)
  })
})
