import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { freePort } from '@clinic/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryGrantStore, RedisGrantStore, type UsedGrantStore } from './used-grant-stores'

const redisServer = '/usr/bin/redis-server'
const inFiveMinutes = () => Date.now() + 5 * 60_000

/** What every store must do: the first claim of a grant id wins, every later one loses. */
function behavesAsSingleUse(name: string, store: () => UsedGrantStore) {
  describe(name, () => {
    it('lets a grant id through once', async () => {
      const jti = randomUUID()
      expect(await store().claim(jti, inFiveMinutes())).toBe(true)
      expect(await store().claim(jti, inFiveMinutes())).toBe(false)
      expect(await store().claim(randomUUID(), inFiveMinutes())).toBe(true)
    })

    it('lets exactly one of many simultaneous claims of the same grant through', async () => {
      const jti = randomUUID()
      const results = await Promise.all(Array.from({ length: 20 }, () => store().claim(jti, inFiveMinutes())))
      expect(results.filter(Boolean)).toHaveLength(1)
    })
  })
}

const memory = new MemoryGrantStore()
behavesAsSingleUse('in memory', () => memory)

describe('in memory, when full', () => {
  it('forgets expired ids first, and refuses new ones while full of live ids', async () => {
    const small = new MemoryGrantStore(2)
    expect(await small.claim('expired', Date.now() - 1)).toBe(true)
    expect(await small.claim('live', inFiveMinutes())).toBe(true)
    // Full: the expired id makes room.
    expect(await small.claim('next', inFiveMinutes())).toBe(true)
    // Full of live ids: refused rather than forgetting one that could be replayed.
    expect(await small.claim('one-more', inFiveMinutes())).toBe(false)
    expect(await small.claim('live', inFiveMinutes())).toBe(false)
  })
})

// A real redis-server (CI installs it with apt-get), on a free port, stopped by PID whatever happens.
let redisProcess: ChildProcess | undefined
let redis: RedisGrantStore
let otherInstance: RedisGrantStore

beforeAll(async () => {
  if (!existsSync(redisServer)) throw new Error(`${redisServer} is missing: install the redis-server package (CI does).`)
  const port = await freePort()
  redisProcess = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  const deadline = Date.now() + 10_000
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end()
        resolve(true)
      }).on('error', () => resolve(false))
    })
    if (open) break
    if (Date.now() > deadline) throw new Error('redis-server did not start within 10 s')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  redis = new RedisGrantStore(`redis://127.0.0.1:${port}`)
  otherInstance = new RedisGrantStore(`redis://127.0.0.1:${port}`)
})

afterAll(async () => {
  await redis?.close().catch(() => undefined)
  await otherInstance?.close().catch(() => undefined)
  const child = redisProcess
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(child.pid, 'SIGTERM')
    await exited
  }
})

behavesAsSingleUse('in Redis', () => redis)

describe('in Redis, across site instances', () => {
  it('a grant used on one instance is refused on another', async () => {
    const jti = randomUUID()
    expect(await redis.claim(jti, inFiveMinutes())).toBe(true)
    expect(await otherInstance.claim(jti, inFiveMinutes())).toBe(false)
  })

  it('forgets a grant id when the grant expires', async () => {
    const jti = randomUUID()
    expect(await redis.claim(jti, Date.now() + 150)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await otherInstance.claim(jti, inFiveMinutes())).toBe(true)
  })
})
