// The site's cache handler with REDIS_URL: the maintained Redis handler shared by every site
// instance (@trieb.work/nextjs-turbo-redis-cache), serving pages with deferred framework scripts.
import { createRequire } from 'node:module'
import { withBoundedMisses } from './with-bounded-misses.mjs'
import { withDeferredScripts } from './with-deferred-scripts.mjs'
import { withPurgeGuard } from './with-purge-guard.mjs'

const require = createRequire(import.meta.url)
const RedisCacheHandler = require('@trieb.work/nextjs-turbo-redis-cache').default

// 404s and empty CMS reads apart from real pages, in a small LRU per instance, kept
// 10 s since a purge in another instance does not reach it (with-bounded-misses.mjs); nothing begun
// before a purge is kept after it, by any instance (with-purge-guard.mjs).
export default withDeferredScripts(withPurgeGuard(withBoundedMisses(RedisCacheHandler, { ttlMs: 10_000 })))
