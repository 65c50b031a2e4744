// The site's cache handler without REDIS_URL: Next.js's own (memory, then the build's files on disk,
// with the limits next.config.mjs sets), serving pages with deferred framework scripts.
import { createRequire } from 'node:module'
import { withBoundedMisses } from './with-bounded-misses.mjs'
import { withDeferredScripts } from './with-deferred-scripts.mjs'
import { withPurgeGuard } from './with-purge-guard.mjs'

const require = createRequire(import.meta.url)
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default

/**
 * Next.js's own handler, never writing rendered pages or CMS reads to disk: next.config.mjs turns
 * `isrFlushToDisk` on for the image optimiser's cache alone, and Next.js would pass it on here. On
 * disk, every distinct URL rendered (unknown slugs' 404s included) would leave ~7 files (~41 KB)
 * under .next/ for good. Pages prerendered by the build are still read from disk.
 */
class MemoryFirstCache extends FileSystemCache {
  constructor(options) {
    super({ ...options, flushToDisk: false })
  }
}

// 404s and empty CMS reads apart from real pages, in a small LRU (with-bounded-misses.mjs); nothing
// begun before a purge is kept after it (with-purge-guard.mjs).
export default withDeferredScripts(withPurgeGuard(withBoundedMisses(MemoryFirstCache)))
