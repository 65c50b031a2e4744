import 'server-only'
import { env } from '@/env'

/**
 * Remembers which preview grants were already exchanged, until they expire, so each works once.
 * In this process's memory; in Redis when REDIS_URL is set, so several site instances share it.
 */
interface UsedGrantStore {
  /** Records the grant id; false when it was recorded before (a second use). */
  claim(jti: string, expiresAtMs: number): Promise<boolean>
}

/** At most this many live ids are kept in memory: grants last minutes, so this is hours of editing. */
const memoryLimit = 10_000

class MemoryStore implements UsedGrantStore {
  private readonly used = new Map<string, number>()

  async claim(jti: string, expiresAtMs: number): Promise<boolean> {
    const now = Date.now()
    if (this.used.size >= memoryLimit) {
      for (const [id, expiry] of this.used) if (expiry <= now) this.used.delete(id)
    }
    const known = this.used.get(jti)
    if (known !== undefined && known > now) return false
    // Full of live grants (a flood): refuse rather than forget one that might be used again.
    if (this.used.size >= memoryLimit) return false
    this.used.set(jti, expiresAtMs)
    return true
  }
}

class RedisStore implements UsedGrantStore {
  private client: Promise<{ set: (key: string, value: string, options: { NX: true; PXAT: number }) => Promise<unknown> }> | undefined

  constructor(private readonly url: string) {}

  private connect() {
    this.client ??= import('redis').then(async ({ createClient }) => {
      const client = createClient({ url: this.url })
      client.on('error', (error: unknown) => console.error('[preview] Redis error:', error))
      await client.connect()
      return client
    })
    return this.client
  }

  async claim(jti: string, expiresAtMs: number): Promise<boolean> {
    const client = await this.connect()
    // SET NX: only the first exchange of a grant id writes it; it disappears when the grant expires.
    const result = await client.set(`clinic:preview-grant:${jti}`, '1', { NX: true, PXAT: expiresAtMs })
    return result === 'OK'
  }
}

const holder = globalThis as { __clinicUsedGrants?: UsedGrantStore }

/** The store for this server (one per process). */
export function usedGrants(): UsedGrantStore {
  holder.__clinicUsedGrants ??= env.redisUrl ? new RedisStore(env.redisUrl) : new MemoryStore()
  return holder.__clinicUsedGrants
}
