/**
 * At most `maxConcurrentRenders` Open Graph renders at a time in this process (next/og lays out and
 * rasterises on the one JavaScript thread, so more at once only slows every other request), and at
 * most one per image: a request for an image already being rendered waits for that render instead of
 * starting its own (no stampede when a link is shared and fifty previews ask at once).
 */
export const maxConcurrentRenders = 1

const inFlight = new Map<string, Promise<RenderedImage>>()
const waiting: (() => void)[] = []
let running = 0

export type RenderedImage = { body: ArrayBuffer; headers: [string, string][] }

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrentRenders) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    waiting.shift()?.()
  }
}

/** Renders `key` once at a time, however many ask; later requests are served by the page cache. */
export function renderOnce(key: string, render: () => Promise<RenderedImage>): Promise<RenderedImage> {
  const pending = inFlight.get(key)
  if (pending) return pending
  const started = slot(render).finally(() => inFlight.delete(key))
  inFlight.set(key, started)
  return started
}

