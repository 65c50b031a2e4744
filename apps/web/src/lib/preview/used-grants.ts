import 'server-only'
import { env } from '@/env'
import { MemoryGrantStore, RedisGrantStore, type UsedGrantStore } from './used-grant-stores'

const holder = globalThis as { __clinicUsedGrants?: UsedGrantStore }

/** Which grants were already exchanged: in Redis when REDIS_URL is set, else in this process (one store per process). */
export function usedGrants(): UsedGrantStore {
  holder.__clinicUsedGrants ??= env.redisUrl ? new RedisGrantStore(env.redisUrl) : new MemoryGrantStore()
  return holder.__clinicUsedGrants
}
