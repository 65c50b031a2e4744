/**
 * Remembers which preview grants were already exchanged, until they expire, so each works once.
 * In this process's memory; in Redis when REDIS_URL is set, so several site instances share it.
 */
export interface UsedGrantStore {
  /** Records the grant id; false when it was recorded before (a second use). */
  claim(jti: string, expiresAtMs: number): Promise<boolean>
}

/** At most this many live ids are kept in memory: grants last minutes, so this is hours of editing. */
const defaultMemoryLimit = 10_000

export class MemoryGrantStore implements UsedGrantStore {
  private readonly used = new Map<string, number>()

  constructor(private readonly limit = defaultMemoryLimit) {}

  async claim(jti: string, expiresAtMs: number): Promise<boolean> {
    const now = Date.now()
    if (this.used.size >= this.limit) {
      for (const [id, expiry] of this.used) if (expiry <= now) this.used.delete(id)
    }
    const known = this.used.get(jti)
    if (known !== undefined && known > now) return false
    // Full of live grants (a flood): refuse rather than forget one that might be used again.
    if (this.used.size >= this.limit) return false
    this.used.set(jti, expiresAtMs)
    return true
  }
}

/** The two commands the store needs, typed once for node-redis's client. */
type RedisGrantClient = {
  set: (key: string, value: string, options: { NX: true; PXAT: number }) => Promise<unknown>
  close?: () => Promise<unknown>
  quit?: () => Promise<unknown>
}

export class RedisGrantStore implements UsedGrantStore {
  private client: Promise<RedisGrantClient> | undefined

  constructor(private readonly url: string) {}

  private connect() {
    this.client ??= import('redis').then(async ({ createClient }) => {
      const client = createClient({ url: this.url })
      client.on('error', (error: unknown) => console.error('[preview] Redis error:', error))
      await client.connect()
      return client as unknown as RedisGrantClient
    })
    return this.client
  }

  async claim(jti: string, expiresAtMs: number): Promise<boolean> {
    const client = await this.connect()
    // SET NX: only the first exchange of a grant id writes it; it disappears when the grant expires.
    const result = await client.set(`clinic:preview-grant:${jti}`, '1', { NX: true, PXAT: expiresAtMs })
    return result === 'OK'
  }

  /** Closes the connection (tests; a server keeps it for its lifetime). */
  async close(): Promise<void> {
    if (!this.client) return
    const client = await this.client
    // node-redis 4 (the version the shared cache handler needs) calls it quit(); 5 calls it close().
    await (client.close ?? client.quit)?.call(client)
  }
}
