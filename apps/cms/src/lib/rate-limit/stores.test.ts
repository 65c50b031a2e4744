// Every account limit, table-driven over both stores it can be counted in: this process's memory
// (one CMS instance) and a real redis-server (several instances; Debian's, on a free loopback port,
// stopped by its PID). The HTTP behaviour (429, message, Retry-After) is tests/accounts-throttle.test.ts.
import { randomUUID } from 'node:crypto'
import { startRedisServer } from '@clinic/test-support'
import { Redis } from 'ioredis'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountLimits, createStore, limitersOf, type AccountLimit, type Store } from './index'

let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined
const opened: Store[] = []

beforeAll(async () => {
  redis = await startRedisServer()
}, 30_000)

beforeEach(async () => {
  const client = new Redis(redis!.url)
  await client.flushall()
  client.disconnect()
})

afterAll(async () => {
  for (const store of opened) store.close()
  await redis?.stop()
})

function instance(store: 'memory' | 'redis'): Store {
  const created = createStore(store === 'redis' ? redis!.url : undefined)
  opened.push(created)
  return created
}

/** One attempt under `name` for `key`: true when within the limit. */
async function attempt(store: Store, name: AccountLimit, key: string): Promise<boolean> {
  try {
    await (await limitersOf(store))[name].consume(key)
    return true
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false
    throw rejection
  }
}

async function attempts(store: Store, name: AccountLimit, key: string, count: number): Promise<boolean[]> {
  const results: boolean[] = []
  for (let i = 0; i < count; i++) results.push(await attempt(store, name, key))
  return results
}

const limits = Object.entries(accountLimits).map(([name, limit]) => [name as AccountLimit, limit.points] as const)

describe.each([
  ['in this process', 'memory'],
  ['in Redis', 'redis'],
] as const)('account limits counted %s', (_label, kind) => {
  it.each(limits)('%s: %i attempts from one key pass, the next is refused; another key is not affected', async (name, points) => {
    const store = instance(kind)
    const key = `198.51.100.7|${randomUUID()}`
    expect(await attempts(store, name, key, points + 1)).toEqual([...Array(points).fill(true), false])
    expect(await attempt(store, name, `198.51.100.8|${randomUUID()}`)).toBe(true)
  })
})

describe('account limits in Redis, across CMS instances', () => {
  it.each(limits)('%s: a fresh instance counts its first attempts in Redis, so the limit holds across instances from the start', async (name, points) => {
    const warm = instance('redis')
    await attempt(warm, name, 'warm-up')
    const key = `203.0.113.9|${randomUUID()}`
    // The attempts arrive the moment an instance starts, before its Redis connection is up.
    const fresh = instance('redis')
    expect(await attempts(fresh, name, key, points)).not.toContain(false)
    expect(await attempt(warm, name, key)).toBe(false)
  })
})
