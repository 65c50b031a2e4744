import { getArticle, getCondition, getExercise, getPage, getService } from '@/lib/cms/queries'
import { renderInWorker } from '@/lib/og/render-pool'
import { RenderQueueFull, renderOnce, renderRetryAfterSeconds } from '@/lib/og/render-queue'
import { isRoutedCollection, socialImageKind, socialImagePath, socialImageSize } from '@/lib/og/social-image'
import { isBeingWarmed } from '@/lib/og/warm'
import { clinicName } from '@/lib/site'

/**
 * The generated Open Graph image of a document without an SEO image of its own: its title, what it
 * is, and the clinic's name and colours. Cached like the pages: the CMS reads are the page's own
 * (same URL, same tags), so a publish or a slug change purges it; the site then renders it again in
 * the background (lib/og/warm.ts), and at start, so visitors' link previews find it warm.
 */
export const revalidate = false

export function generateStaticParams() {
  return []
}

type Params = { params: Promise<{ collection: string; slug: string }> }

const readers = {
  articles: async (slug: string) => (await getArticle(slug))?.title,
  services: async (slug: string) => (await getService(slug))?.name,
  exercises: async (slug: string) => (await getExercise(slug))?.name,
  conditions: async (slug: string) => (await getCondition(slug))?.name,
  pages: async (slug: string) => (await getPage(slug))?.title,
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { collection, slug } = await params
  if (!isRoutedCollection(collection)) return new Response('No such image.', { status: 404 })
  const [title, name] = await Promise.all([readers[collection](slug), clinicName()])
  if (!title) return new Response('No such image.', { status: 404 })
  // One render per image at a time, one render at a time in all (lib/og/render-queue.ts), in a
  // worker thread: the layout and rasterising never hold up other requests (lib/og/render-pool.ts);
  // the background warmer's (lib/og/warm.ts) after any visitor's.
  const priority = isBeingWarmed(socialImagePath(collection, slug)) ? 'low' : 'visitor'
  try {
    const image = await renderOnce(
      `${collection}/${slug}/${title}/${name}`,
      () => renderInWorker({ kind: socialImageKind[collection], title, name, ...socialImageSize }),
      priority,
    )
    return new Response(image.body, { headers: image.headers })
  } catch (error) {
    if (!(error instanceof RenderQueueFull)) throw error
    // Too many cold images asked at once: this one later. Never stored (the cache handler keeps no
    // 5xx, lib/cache-handler/with-bounded-misses.mjs), nor by a cache in front (no-store).
    return new Response('Too many link-preview images are being made right now. Please try again in a few seconds.\n', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(renderRetryAfterSeconds) },
    })
  }
}
