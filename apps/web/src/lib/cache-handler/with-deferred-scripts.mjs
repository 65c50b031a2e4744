// Wraps a Next.js cache handler so every page it holds is served with its framework scripts
// deferred to after the page's `load` (../html/defer-app-scripts.mjs says why). Pages are rewritten
// when stored and, for pages the build wrote to disk, when first read; the rewrite is idempotent and
// leaves unknown markup alone. Each stored page's path is recorded under its tags
// (../front-cache/tag-paths.mjs) and, with a tag-purging front cache, sent with its tags as
// Surrogate-Key (../front-cache/surrogate-keys.mjs). Everything else (data cache entries, routes, tags) passes through.
//
// Plain JavaScript: Next.js loads the cache handler with Node.js, without compiling it.
import { addSurrogateKeys, surrogateKeysWanted } from '../front-cache/surrogate-keys.mjs'
import { recordCachedPage } from '../front-cache/tag-paths.mjs'
import { deferAppScripts } from '../html/defer-app-scripts.mjs'

const isPage = (value) => value?.kind === 'APP_PAGE' && typeof value.html === 'string'

// Entries already rewritten in place (the handler's in-memory copies, read on every request): they
// skip even the rewrite's scan of the document for its marker.
const rewritten = new WeakSet()

/** A front cache that purges by tag is configured (FRONT_CACHE_URL=varnish+…): pages carry Surrogate-Key. */
const surrogateKeys = surrogateKeysWanted()

/**
 * @template {new (options: object) => object} T
 * @param {T} Inner a cache handler class (Next.js's own, or a shared one)
 */
export function withDeferredScripts(Inner) {
  return class DeferredScriptsCacheHandler {
    constructor(options) {
      this.inner = new Inner(options)
    }

    async get(...args) {
      const entry = await this.inner.get(...args)
      if (surrogateKeys) addSurrogateKeys(entry?.value)
      // The entry may be the handler's in-memory copy: rewriting it in place means once per page.
      if (isPage(entry?.value) && !rewritten.has(entry.value)) {
        entry.value.html = deferAppScripts(entry.value.html)
        rewritten.add(entry.value)
      }
      return entry
    }

    set(key, data, ctx) {
      // Which URLs carry which tags: what a purge refreshes in the front cache (../front-cache/).
      recordCachedPage(key, data)
      // In place: Next.js serves this very render from the same headers object.
      if (surrogateKeys) addSurrogateKeys(data)
      return this.inner.set(key, isPage(data) ? { ...data, html: deferAppScripts(data.html) } : data, ctx)
    }

    revalidateTag(...args) {
      return this.inner.revalidateTag(...args)
    }

    resetRequestCache(...args) {
      return this.inner.resetRequestCache?.(...args)
    }
  }
}
