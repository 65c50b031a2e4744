// The site's cache handler without REDIS_URL: Next.js's own (memory, then the build's files on disk,
// with the limits next.config.mjs sets), serving pages with deferred framework scripts.
import { createRequire } from 'node:module'
import { withBoundedMisses } from './with-bounded-misses.mjs'
import { withDeferredScripts } from './with-deferred-scripts.mjs'

const require = createRequire(import.meta.url)
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default

// 404s and empty CMS reads apart from real pages, in a small LRU (with-bounded-misses.mjs).
export default withDeferredScripts(withBoundedMisses(FileSystemCache))
