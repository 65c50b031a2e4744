import 'server-only'
// Next.js's own store for the render in progress. Not a public API: this module is the only place
// that touches it, checks its shape, and is covered by tests/build-without-cms (which builds the
// site with the CMS stopped and asserts the second request is a cache hit).
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external'

/**
 * Marks the route being prerendered by `next build` as already expired, so Next.js renders it
 * again, blocking, on its first request (its build-time HTML, made without the CMS, is never
 * served) and caches that render like any other: forever, until its tags are purged.
 *
 * Next.js 16 (without `cacheComponents`) keeps a route's lifetime in the prerender store as
 * `revalidate` and `expire` seconds; the build writes them into the prerender manifest, and the
 * incremental cache treats an entry past its `expire` as a miss that must be rendered before
 * answering (`isStale === -1`, next/dist/server/lib/incremental-cache). A fetch can lower
 * `revalidate` (then the first visitor would be served the empty build-time page while it
 * re-renders in the background), but only `cacheLife()` inside `'use cache'` can lower `expire`,
 * and that needs `cacheComponents`. The run-time render reads the CMS with `revalidate: false`, so
 * its entry has no expiry.
 *
 * Returns false when the store is not the one expected (nothing is changed then).
 */
export function renderOnFirstRequest(): boolean {
  const store = workUnitAsyncStorage.getStore()
  if (store?.type !== 'prerender-legacy' || typeof store.revalidate !== 'number' || typeof store.expire !== 'number') return false
  // The smallest lifetime Next.js accepts (revalidate 0 would mean "dynamic").
  store.revalidate = 1
  store.expire = 1
  return true
}
