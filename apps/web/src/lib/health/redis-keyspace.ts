import Redis from 'ioredis'

/**
 * The site's Redis cache handler learns of expired and evicted keys from Redis's key-space
 * notifications; without them every page request waited forever (issue 16). Checked once at start:
 * missing flags are set when Redis allows CONFIG SET, otherwise the site refuses to start, naming the
 * setting. Every connect and command is bounded, so this never hangs.
 */

/** The flags the handler needs: E (key-event channel), x (expired), e (evicted). */
export const requiredKeyspaceFlags = 'Exe'
const timeoutMs = 3000

/** Whether a notify-keyspace-events value includes every flag the handler needs ("A" is all classes). */
export function hasRequiredFlags(value: string): boolean {
  if (!value.includes('E')) return false
  const classes = value.includes('A') ? 'g$lshzxetd' : value
  return classes.includes('x') && classes.includes('e')
}

/** The value to set: what Redis has, plus the missing flags. */
export function withRequiredFlags(value: string): string {
  let next = value
  for (const flag of requiredKeyspaceFlags) if (!hasFlag(next, flag)) next += flag
  return next
}

function hasFlag(value: string, flag: string): boolean {
  return value.includes(flag) || (flag !== 'E' && flag !== 'K' && value.includes('A'))
}

export class RedisMisconfiguredError extends Error {}

export type KeyspaceCheck = { outcome: 'ok' } | { outcome: 'configured'; from: string; to: string } | { outcome: 'unreachable'; reason: string }

function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'REDIS_URL'
  }
}

/** Checks (and when allowed, fixes) notify-keyspace-events; throws RedisMisconfiguredError naming the fix. */
export async function ensureKeyspaceEvents(url: string): Promise<KeyspaceCheck> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  })
  client.on('error', () => {
    // reported through the rejected command below
  })
  try {
    try {
      await client.connect()
    } catch (error) {
      return { outcome: 'unreachable', reason: (error as Error).message }
    }
    let current: string
    try {
      const answer = (await client.call('CONFIG', 'GET', 'notify-keyspace-events')) as string[]
      current = String(answer?.[1] ?? '')
    } catch (error) {
      throw new RedisMisconfiguredError(misconfigured(url, `CONFIG GET is not allowed (${(error as Error).message})`))
    }
    if (hasRequiredFlags(current)) return { outcome: 'ok' }
    const next = withRequiredFlags(current)
    try {
      await client.call('CONFIG', 'SET', 'notify-keyspace-events', next)
    } catch (error) {
      throw new RedisMisconfiguredError(misconfigured(url, `it is “${current}” and CONFIG SET was refused (${(error as Error).message})`))
    }
    return { outcome: 'configured', from: current, to: next }
  } finally {
    client.disconnect()
  }
}

function misconfigured(url: string, why: string): string {
  return (
    `The site cannot use the Redis at ${redact(url)}: it must publish key-space events, and ${why}. ` +
    `Fix: set notify-keyspace-events to "${requiredKeyspaceFlags}" on that Redis (redis.conf: \`notify-keyspace-events ${requiredKeyspaceFlags}\`; ` +
    `a managed Redis: the parameter group / configuration setting notify-keyspace-events = ${requiredKeyspaceFlags}), or leave REDIS_URL unset to cache in the site's own process.`
  )
}
