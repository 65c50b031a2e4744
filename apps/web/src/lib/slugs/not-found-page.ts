import { env } from '@/env'
import { onPurge } from '@/lib/purge-bus'
import { notFoundAddress } from '@/lib/slugs/known-slugs'

/**
 * The site's own 404 page (header, search box, footer), rendered once per 2 s (or purge) and
 * served without scripts to every address the known slugs rule out (src/proxy.ts, and before
 * Next.js by ./early-not-found.ts).
 */
type NotFoundCopy = { html?: string; at: number; loading?: Promise<string | undefined> }
// On globalThis: the proxy and the server's request hook (instrumentation) are separate bundles.
const holder = globalThis as { __clinicNotFoundPage?: NotFoundCopy; __clinicNotFoundListening?: boolean }
// Short: the copy is also how the proxy learns the CMS went down (its render then fails, and the
// address renders as before: a 503 with Retry-After, not a 404 the site cannot vouch for).
const maxAgeMs = 2_000

function copy(): NotFoundCopy {
  if (!holder.__clinicNotFoundListening) {
    holder.__clinicNotFoundListening = true
    // Its header, footer and banner come from the CMS's globals: any purge drops the copy.
    onPurge(() => {
      holder.__clinicNotFoundPage = { at: 0 }
    })
  }
  return (holder.__clinicNotFoundPage ??= { at: 0 })
}

/** A copy this old is rendered again in the background while it is still served (during a flood it never goes stale). */
const refreshAheadMs = 1_500

/**
 * The copy if it is fresh, else undefined (never waits). A copy near its age is rendered again in
 * the background, so a flood of junk never finds it stale and falls through to Next.js meanwhile.
 */
export function freshNotFoundHtml(now = Date.now()): string | undefined {
  const current = copy()
  if (!current.html || now - current.at >= maxAgeMs) return undefined
  if (now - current.at >= refreshAheadMs) void render(current)
  return current.html
}

/** The copy, rendered again if it is older than 2 s; undefined if it cannot be vouched for. */
export async function notFoundHtml(): Promise<string | undefined> {
  return freshNotFoundHtml() ?? render(copy())
}

/** Renders the copy (one render at a time, however many ask). */
function render(current: NotFoundCopy): Promise<string | undefined> {
  current.loading ??= (async () => {
    try {
      const port = process.env.PORT
      if (!port) return undefined
      // An address no route has: Next.js renders the site's not-found page for it. And the CMS must
      // answer: the page may come from the site's cache while the CMS is down, and then the site
      // cannot vouch that an address does not exist (it answers 503 with Retry-After instead).
      const [response, cms] = await Promise.all([
        fetch(`http://127.0.0.1:${port}${notFoundAddress}`, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(5000) }),
        fetch(new URL('/api/health', env.cmsUrl), { cache: 'no-store', signal: AbortSignal.timeout(2000) }).then(
          (answer) => answer.ok,
          () => false,
        ),
      ])
      const html = await response.text()
      if (!cms || response.status !== 404 || !/<html/i.test(html)) {
        current.html = undefined
        return undefined
      }
      // Without the framework's scripts: their payload is that address's, and the client router
      // would put it in the visitor's address bar. The page needs none (its search is a plain form,
      // the phone menu a <details>).
      const page = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '')
      Object.assign(current, { html: page, at: Date.now() })
      return page
    } catch {
      current.html = undefined
      return undefined
    } finally {
      current.loading = undefined
    }
  })()
  return current.loading
}

/** For tests: a copy as if just rendered (or none). */
export function setNotFoundCopyForTests(html: string | undefined, at = Date.now()): void {
  holder.__clinicNotFoundPage = { html, at }
}
