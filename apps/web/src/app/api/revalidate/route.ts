import { revalidateSecretHeader } from '@clinic/cms-types'
import { revalidateTag } from 'next/cache'
import { after, type NextRequest } from 'next/server'
import { env } from '@/env'
import { notePurged } from '@/lib/cache-handler/purge-log.mjs'
import { refreshFrontCache } from '@/lib/front-cache/refresh.mjs'
import { warmSocialImagesAfterPurge } from '@/lib/og/warm'
import { announcePurge } from '@/lib/purge-bus'
import { parseRevalidateRequest } from '@/lib/revalidate-request'
import { secretMatches } from '@/lib/secret'
import { noteKnownSlugPurges } from '@/lib/slugs/known-slugs'

const noStore = { 'Cache-Control': 'no-store' }

/** Called by the CMS after a publish, unpublish, delete, slug change or global change. */
export async function POST(request: NextRequest): Promise<Response> {
  const receivedAt = Date.now()
  if (!secretMatches(request.headers.get(revalidateSecretHeader), env.revalidateSecret)) {
    return Response.json({ error: 'Missing or wrong revalidation secret.' }, { status: 401, headers: noStore })
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return Response.json({ error: 'The body must be JSON.' }, { status: 400, headers: noStore })
  }
  const parsed = parseRevalidateRequest(body)
  if ('error' in parsed) return Response.json({ error: parsed.error }, { status: 400, headers: noStore })
  // From this moment, nothing this process began to render or read before it is kept or served for
  // these tags (lib/cache-handler/with-purge-guard.mjs): the CMS committed the change before calling.
  notePurged(parsed.tags, receivedAt)
  // Expire at once (no stale window): an editor who publishes should see the change on the next load.
  for (const tag of parsed.tags) revalidateTag(tag, { expire: 0 })
  // A document just published is a known address here at once, before the purge bus echoes it back.
  noteKnownSlugPurges(parsed.tags)
  // What each instance holds in its own memory (the redirect map) follows on every instance.
  await announcePurge(parsed.tags)
  // Then the front cache's copies of the pages that carry these tags (src/lib/front-cache/); without
  // a front cache, this instance renders them itself at once, so the first visitor gets the cached
  // copy with its scripts after paint. Then the Open Graph images the purge made cold, in the
  // background at low priority (lib/og/warm.ts), once the pages are done: rendered beside the changed
  // page, an image shares the CPU and the CMS with it and delays the publish an editor is watching.
  // Only this instance (the one the CMS called) warms: the page cache is shared through Redis. The
  // warmer requests images from this server's own port (PORT), as the refresh renders pages there.
  const warmImages = env.socialImageWarm > 0 && Boolean(process.env.PORT)
  if (env.frontCacheUrls.length > 0 || process.env.PORT) {
    after(async () => {
      const { failed, problems } = await refreshFrontCache(parsed.tags, { frontCacheUrls: env.frontCacheUrls, siteUrl: env.siteUrl, secret: env.revalidateSecret, instanceAddress: env.siteInstanceAddress, receivedAt })
      if (failed.length > 0) {
        const examples = failed.slice(0, 3).map((path) => `${path.slice(0, 120)} (${problems[path] ?? 'failed'})`)
        console.warn(
          env.frontCacheUrls.length > 0
            ? `[front-cache] could not refresh ${failed.length} page(s), e.g. ${examples.join(', ')}: they expire on their own within a minute`
            : `[purge] could not render ${failed.length} purged page(s) again, e.g. ${examples.join(', ')}: the next visitor renders them`,
        )
      }
      if (warmImages) warmSocialImagesAfterPurge(parsed.tags)
    })
  }
  return Response.json({ revalidated: parsed.tags, now: Date.now() }, { headers: noStore })
}
