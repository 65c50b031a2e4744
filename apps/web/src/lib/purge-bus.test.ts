import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

/**
 * The purge bus against a real redis-server (Debian's, as in CI): a purge announced by one instance
 * reaches another's listeners, and an instance whose Redis connection dropped (messages sent
 * meanwhile are lost: pub/sub keeps nothing) is told to reload everything when it is back.
 */

const redisServer = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server'
let port = 0
let server: ChildProcess | undefined

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function startServer(): Promise<void> {
  const child = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) resolve()
    })
    child.once('exit', () => reject(new Error(`redis-server exited: ${output}`)))
  })
  server = child
}

async function stopServer(): Promise<void> {
  const child = server
  server = undefined
  if (!child?.pid || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(child.pid, 'SIGKILL')
  await exited
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

beforeAll(async () => {
  if (!existsSync(redisServer)) throw new Error(`redis-server is not installed (${redisServer}); on Debian: apt-get install redis-server`)
  port = await freePort()
  await startServer()
})

afterAll(async () => {
  await stopServer()
})

describe('the purge bus (REDIS_URL set)', () => {
  it('delivers an announced purge to the listeners, and tells them to reload everything after Redis comes back', async () => {
    vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${port}`)
    vi.resetModules()
    const { onPurge, announcePurge, purgeChannel } = await import('./purge-bus')
    const heard: Array<readonly string[] | 'everything'> = []
    onPurge((tags) => heard.push(tags))
    // The first connection: whatever was missed before it is reloaded.
    await until(() => heard.includes('everything'))
    heard.length = 0

    // Another instance (a plain client here) announces a purge: this one hears it.
    const { createClient } = await import('redis')
    const other = createClient({ url: `redis://127.0.0.1:${port}` })
    other.on('error', () => {})
    await other.connect()
    await other.publish(purgeChannel, JSON.stringify(['collection:redirects']))
    await until(() => heard.some((tags) => tags !== 'everything' && tags.includes('collection:redirects')))
    // Another instance's purge is noted when it arrives: what this instance began before is not kept.
    const { globalPurgeLog } = await import('./cache-handler/purge-log.mjs')
    const sent = Date.now()
    await other.publish(purgeChannel, JSON.stringify({ tags: ['collection:services'], from: 'another-instance' }))
    await until(() => heard.some((tags) => tags !== 'everything' && tags.includes('collection:services')))
    expect(globalPurgeLog().get('collection:services')).toBeGreaterThanOrEqual(sent)
    // Its own announcements reach it through Redis too; it noted them when /api/revalidate arrived,
    // and its own echo does not move that moment later.
    globalPurgeLog().set('collection:articles', 1)
    await announcePurge(['collection:articles'])
    await until(() => heard.some((tags) => tags !== 'everything' && tags.includes('collection:articles')))
    expect(globalPurgeLog().get('collection:articles')).toBe(1)
    await other.disconnect().catch(() => {})

    // Redis goes away; a purge sent meanwhile is lost to this instance; when Redis is back, it reloads everything.
    heard.length = 0
    await stopServer()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await startServer()
    await until(() => heard.includes('everything'), 20_000)
    vi.unstubAllEnvs()
  }, 40_000)
})
