// The cache tags of a page, sent with it as `Surrogate-Key` (space-separated), for a front cache that
// purges by tag (deploy/varnish: Varnish's xkey; measured against the shipped nginx, issue 17).
// Next.js keeps a page's tags in its cache entry (`x-next-cache-tags`, comma-separated) but
// `next start` strips that header from responses; the cache handler (../cache-handler/) copies
// them into Surrogate-Key, which Next.js sends like any other header of the entry.
//
// Only when FRONT_CACHE_URL names such a cache (varnish+http://…, varnish-purge+http://…): behind
// the shipped nginx the site sends exactly what it sent before.
//
// Plain JavaScript: loaded by the cache handler without Next.js's compiler.

export const surrogateKeyHeader = 'surrogate-key'

/** Whether a front cache that purges by tag is configured (read once per process). */
export function surrogateKeysWanted(frontCacheUrl = process.env.FRONT_CACHE_URL) {
  return typeof frontCacheUrl === 'string' && /(^|,)\s*varnish(-purge)?\+/.test(frontCacheUrl)
}

/**
 * A tag as a surrogate key: keys are separated by spaces (and commas, for xkey), so a tag that
 * contains either cannot be one (the site's tags never do: `collection:articles`, `doc:articles:…`,
 * Next.js's `_N_T_/path`).
 * @param {string} tag
 */
export const isSurrogateKey = (tag) => tag.length > 0 && !/[\s,]/.test(tag)

/**
 * Adds Surrogate-Key to a page or route entry's headers, in place, from its `x-next-cache-tags`.
 * @param {any} value the cache handler's entry value
 */
export function addSurrogateKeys(value) {
  if (!value || (value.kind !== 'APP_PAGE' && value.kind !== 'APP_ROUTE')) return
  const tags = value.headers?.['x-next-cache-tags']
  if (typeof tags !== 'string' || !tags || value.headers[surrogateKeyHeader]) return
  const keys = tags.split(',').filter(isSurrogateKey)
  if (keys.length > 0) value.headers[surrogateKeyHeader] = keys.join(' ')
}
