import { Redis } from 'ioredis'
import { APIError, type PayloadRequest } from 'payload'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { env } from '@/env'
import { clientAddress } from './client-address'
import { accountLimits } from './limits'

export { accountLimits }

export type AccountLimit = keyof typeof accountLimits

type Limiters = Record<AccountLimit, RateLimiterAbstract>

export interface Store {
  limiters: Limiters
  /** Resolves once Redis is connected (or has had its chance to); counting waits for it. */
  ready: Promise<void>
  /** Closes the Redis connection (tests; a server keeps it for its lifetime). */
  close: () => void
}

const globalKey = Symbol.for('clinic.accountLimiters')

/** The account limits, counted in Redis when `redisUrl` is given (shared by every instance), else in this process. */
export function createStore(redisUrl: string | undefined = env.redisUrl): Store {
  const memory = (name: AccountLimit) => new RateLimiterMemory({ keyPrefix: `clinic:${name}`, ...accountLimits[name] })
  const names = Object.keys(accountLimits) as AccountLimit[]
  if (!redisUrl) {
    return { limiters: Object.fromEntries(names.map((name) => [name, memory(name)])) as unknown as Limiters, ready: Promise.resolve(), close: () => undefined }
  }
  // No offline queue: while Redis is unreachable a request is not held waiting for it, and the
  // in-memory insurance limiter counts instead (per instance) until Redis is back.
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5_000 })
  client.on('error', (error: Error) => console.error(`Login throttling: Redis error (${error.message}); counting in memory meanwhile.`))
  // The first requests after start-up would otherwise be counted in memory only, while connecting.
  const ready = new Promise<void>((resolve) => {
    client.once('ready', () => resolve())
    setTimeout(resolve, 3_000).unref()
  })
  const limiters = Object.fromEntries(
    names.map((name) => [
      name,
      new RateLimiterRedis({ storeClient: client, keyPrefix: `clinic:${name}`, ...accountLimits[name], insuranceLimiter: memory(name) }),
    ]),
  ) as unknown as Limiters
  return { limiters, ready, close: () => client.disconnect() }
}

/** One set of limiters per process (Next.js may load this module once per route bundle). */
async function limiters(): Promise<Limiters> {
  const holder = globalThis as typeof globalThis & { [globalKey]?: Store }
  holder[globalKey] ??= createStore()
  return limitersOf(holder[globalKey])
}

/** A store's limiters, once it is ready: while Redis connects, counts would go to memory only. */
export async function limitersOf(store: Store): Promise<Limiters> {
  await store.ready
  return store.limiters
}

/** The source of a request for throttling: its client address, per `TRUSTED_PROXY`. */
export function requestSource(req: PayloadRequest): string {
  return clientAddress(req.headers, env.trustedProxies)
}

/** Lower-cased and trimmed, as Payload compares emails. */
export function normaliseEmail(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase().trim() : ''
}

/** The answer to a throttled request: 429, in words, with Retry-After. */
export class TooManyAttempts extends APIError {
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
    super(
      `Too many attempts from your network. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, ` +
        'or ask an administrator to reset your password.',
      429,
      { retryAfterSeconds },
      true,
    )
  }
}

/**
 * Counts one attempt against each limit and throws `TooManyAttempts` (429 with Retry-After) if any
 * is exceeded. Every key is counted even when an earlier one refuses, so each limit sees every try.
 */
export async function countAttempt(req: PayloadRequest, checks: Array<[AccountLimit, string]>): Promise<void> {
  const all = await limiters()
  let retryAfterMs = 0
  for (const [name, key] of checks) {
    try {
      await all[name].consume(key)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext)
    }
  }
  if (retryAfterMs > 0) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
    const headers = req.responseHeaders ?? new Headers()
    headers.set('Retry-After', String(seconds))
    req.responseHeaders = headers
    throw new TooManyAttempts(seconds)
  }
}

/** Counts one under a limit; false when that went over it. */
export async function withinLimit(name: AccountLimit, key: string): Promise<boolean> {
  try {
    await (await limiters())[name].consume(key)
    return true
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false
    throw rejection
  }
}

/** Takes back one count (a login that succeeded was not a guess). */
export async function refundAttempt(name: AccountLimit, key: string): Promise<void> {
  await (await limiters())[name].reward(key, 1)
}

/** Clears a key (a successful login ends a run of failures for that source and account). */
export async function clearAttempts(name: AccountLimit, key: string): Promise<void> {
  await (await limiters())[name].delete(key)
}
