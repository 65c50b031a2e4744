/**
 * Tells every site instance about a purge, through the Redis they already share (REDIS_URL).
 *
 * The pages, the CMS reads and the search index's stamps live in the shared Redis cache, so one
 * `revalidateTag` on the instance the CMS reached is seen by all. What each process keeps in its
 * own memory (the redirect map) is not: the instance that receives /api/revalidate publishes the
 * purged tags on a Redis pub/sub channel, and every instance (itself included) hands them to the
 * listeners registered here. Redis pub/sub does not keep messages for a subscriber that is away,
 * so whenever the subscription (re)connects — at start, after Redis or the network came back —
 * listeners are told `everything` may have changed, and reload what they hold: an instance that
 * missed messages catches up. Without REDIS_URL (one instance) nothing is sent: the route calls
 * the listeners of its own process directly.
 */
import { randomUUID } from 'node:crypto'
import { env } from '@/env'
import { notePurged } from '@/lib/cache-handler/purge-log.mjs'

export const purgeChannel = 'clinic:purged-tags'

/** This process, in its own messages: it noted its purges when /api/revalidate arrived. */
const processId = randomUUID()

/** A listener gets the purged tags, or `everything` when messages may have been missed. */
export type PurgeListener = (tags: readonly string[] | 'everything') => void

type RedisClient = {
  connect: () => Promise<unknown>
  on: (event: string, listener: (...args: unknown[]) => void) => unknown
  publish: (channel: string, message: string) => Promise<unknown>
  subscribe: (channel: string, listener: (message: string) => void) => Promise<unknown>
  duplicate: () => RedisClient
  isReady: boolean
}

type Bus = {
  listeners: Set<PurgeListener>
  publisher?: Promise<RedisClient>
  subscribed?: Promise<unknown>
}

// On globalThis: proxy.ts and the route handlers are separate bundles in one process.
const holder = globalThis as { __clinicPurgeBus?: Bus }
const bus = (): Bus => (holder.__clinicPurgeBus ??= { listeners: new Set() })

function notify(tags: readonly string[] | 'everything'): void {
  for (const listener of bus().listeners) {
    try {
      listener(tags)
    } catch (error) {
      console.error('[purge-bus] a listener failed:', error)
    }
  }
}

async function client(url: string, role: string): Promise<RedisClient> {
  const { createClient } = await import('redis')
  const redis = createClient({ url }) as unknown as RedisClient
  redis.on('error', (error) => console.warn(`[purge-bus] Redis (${role}): ${String(error)}`))
  return redis
}

function subscribe(url: string): Promise<unknown> {
  return (async () => {
    const subscriber = await client(url, 'subscriber')
    // Every (re)connection: messages sent while away are lost, so everything is reloaded.
    subscriber.on('ready', () => notify('everything'))
    await subscriber.connect()
    await subscriber.subscribe(purgeChannel, (message) => {
      try {
        const parsed = JSON.parse(message) as unknown
        // `{ tags, from }`; a bare list from an instance of an earlier release.
        const { tags, from } = Array.isArray(parsed) ? { tags: parsed as unknown[], from: undefined } : (parsed as { tags?: unknown; from?: unknown })
        if (!Array.isArray(tags)) throw new Error('no tags')
        const purged = tags.filter((tag): tag is string => typeof tag === 'string')
        // Another instance's purge: what this one began to render or read before now is not kept
        // (lib/cache-handler/with-purge-guard.mjs). Noted on arrival, on this machine's clock.
        if (from !== processId) notePurged(purged)
        notify(purged)
      } catch {
        console.warn('[purge-bus] ignored a message that is not a JSON list of tags')
      }
    })
  })().catch((error: unknown) => {
    // Retried at the next registration or purge; until then the listeners' own expiry applies.
    console.warn(`[purge-bus] could not subscribe to ${purgeChannel}: ${String(error)}`)
    bus().subscribed = undefined
  })
}

const publishTimeoutMs = 2000

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Starts listening to other instances' purges (at start, src/instrumentation.ts): what this
 * instance began before one of them is then never kept after it (lib/cache-handler/purge-log.mjs).
 */
export function listenForPurges(): void {
  if (env.redisUrl) bus().subscribed ??= subscribe(env.redisUrl)
}

/** Registers a listener (once per process) and starts listening to other instances' purges. */
export function onPurge(listener: PurgeListener): void {
  const current = bus()
  current.listeners.add(listener)
  if (env.redisUrl) current.subscribed ??= subscribe(env.redisUrl)
}

/**
 * Announces purged tags to every instance. Resolves once Redis took the message (or at once
 * without REDIS_URL, after this process's listeners ran); a Redis that is down is logged, never
 * thrown: the purge itself already happened.
 */
export async function announcePurge(tags: readonly string[]): Promise<void> {
  const current = bus()
  if (!env.redisUrl) {
    notify(tags)
    return
  }
  current.subscribed ??= subscribe(env.redisUrl)
  try {
    const url = env.redisUrl
    current.publisher ??= client(url, 'publisher').then(async (redis) => (await redis.connect(), redis))
    // A Redis that went away queues commands until it is back: the CMS's call must not wait for it.
    await withTimeout(
      current.publisher.then((publisher) => publisher.publish(purgeChannel, JSON.stringify({ tags, from: processId }))),
      publishTimeoutMs,
    )
  } catch (error) {
    // This instance at least is told; the others reload when their subscription reconnects.
    notify(tags)
    console.warn(`[purge-bus] could not announce the purge of ${tags.join(', ')}: ${String(error)}`)
  }
}
