import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * One image resize at a time in this process (issue 18).
 *
 * Next.js's image optimiser runs sharp (libvips) on libuv's thread pool, four operations at once.
 * Encoding one 1,600-pixel-wide AVIF takes libaom ~70 MB of native memory (a WebP or JPEG of the
 * same size ~17 MB), so a burst of requests for images not yet in the optimiser's cache (after a
 * deploy, or anyone asking for every width and format of every media file) took the site ~150 MB
 * over its memory budget. `imgOptConcurrency` only sets libvips's threads per operation, not how
 * many operations run. So each `toBuffer()` of the sharp module Next.js loads waits for the one
 * before it; the rest of the thread pool stays free for file reads and compression.
 */
type Sharp = { prototype: { toBuffer: (...args: unknown[]) => unknown } }

const holder = globalThis as { __clinicImageQueue?: { waiting: number } }

/** Sharp as Next.js's optimiser loads it (the same module instance), or undefined if not installed. */
function nextsSharp(): Sharp | undefined {
  try {
    const fromSite = createRequire(path.join(process.cwd(), 'package.json'))
    const fromOptimiser = createRequire(fromSite.resolve('next/dist/server/image-optimizer/transform.js'))
    return fromOptimiser('sharp') as Sharp
  } catch {
    return undefined
  }
}

/** How many resizes wait for their turn right now (for logs and tests). */
export function resizesWaiting(): number {
  return holder.__clinicImageQueue?.waiting ?? 0
}

export function resizeOneImageAtATime(sharp: Sharp | undefined = nextsSharp()): boolean {
  if (!sharp) {
    console.warn('[images] sharp was not found next to Next.js: image resizes are not queued one at a time.')
    return false
  }
  if (holder.__clinicImageQueue) return true
  const queue = (holder.__clinicImageQueue = { waiting: 0 })
  const toBuffer = sharp.prototype.toBuffer
  let last: Promise<unknown> = Promise.resolve()
  sharp.prototype.toBuffer = function queuedToBuffer(this: unknown, ...args: unknown[]) {
    // The callback form is left as it is (Next.js uses the promise).
    if (args.some((arg) => typeof arg === 'function')) return toBuffer.apply(this, args)
    queue.waiting += 1
    const turn = last.then(() => {
      queue.waiting -= 1
      return toBuffer.apply(this, args) as Promise<unknown>
    })
    last = turn.catch(() => undefined)
    return turn
  }
  return true
}
