/**
 * At most `maxConcurrentRenders` Open Graph renders at a time in this process (next/og lays out and
 * rasterises on the one JavaScript thread, so more at once only slows every other request), and at
 * most one per image: a request for an image already being rendered waits for that render instead of
 * starting its own (no stampede when a link is shared and fifty previews ask at once).
 *
 * Background renders (the warmer, lib/og/warm.ts) are `low` priority: they start only when no
 * visitor's render is waiting, and a visitor who asks for an image the warmer has queued but not
 * started promotes it to the front.
 *
 * And at most `maxWaitingRenders` different images wait for a visitor: a request for one more cold
 * image is refused at once (`RenderQueueFull`; the route answers 503 with Retry-After), instead of
 * holding its connection behind minutes of renders. An image already being rendered or waiting
 * is never refused: its request joins that render.
 */
export const maxConcurrentRenders = 1
export const maxWaitingRenders = 24
/** Seconds a refused image request should wait before asking again. */
export const renderRetryAfterSeconds = 5

export class RenderQueueFull extends Error {
  constructor() {
    super(`${maxWaitingRenders} Open Graph images are already waiting to be rendered`)
    this.name = 'RenderQueueFull'
  }
}

export type RenderedImage = { body: ArrayBuffer; headers: [string, string][] }
export type RenderPriority = 'visitor' | 'low'

type Waiter = { start: () => void; low: boolean }

const inFlight = new Map<string, { promise: Promise<RenderedImage>; waiter?: Waiter }>()
const waiting: Waiter[] = []
let running = 0

function startNext(): void {
  if (running >= maxConcurrentRenders) return
  const visitor = waiting.findIndex((waiter) => !waiter.low)
  const [next] = waiting.splice(visitor >= 0 ? visitor : 0, 1)
  if (!next) return
  // The slot passes straight to the next render: a request arriving meanwhile cannot take it too.
  running++
  next.start()
}

async function slot<T>(work: () => Promise<T>, waiter: Waiter): Promise<T> {
  // A low-priority render also lets visitors already waiting go first.
  if (running >= maxConcurrentRenders || waiting.some((other) => !other.low)) {
    await new Promise<void>((resolve) => {
      waiter.start = resolve
      waiting.push(waiter)
    })
  } else {
    running++
  }
  try {
    return await work()
  } finally {
    running--
    startNext()
  }
}

/**
 * Renders `key` once at a time, however many ask; later requests are served by the page cache.
 * Rejects with `RenderQueueFull` (before rendering anything) when a visitor's new image would be
 * one more than `maxWaitingRenders` waiting.
 */
export function renderOnce(key: string, render: () => Promise<RenderedImage>, priority: RenderPriority = 'visitor'): Promise<RenderedImage> {
  const pending = inFlight.get(key)
  if (pending) {
    if (priority === 'visitor' && pending.waiter) pending.waiter.low = false
    return pending.promise
  }
  if (priority === 'visitor' && waiting.filter((waiter) => !waiter.low).length >= maxWaitingRenders) return Promise.reject(new RenderQueueFull())
  const waiter: Waiter = { start: () => {}, low: priority === 'low' }
  const promise = slot(render, waiter).finally(() => inFlight.delete(key))
  inFlight.set(key, { promise, waiter })
  return promise
}

/** Renders waiting and running now (for tests and the warmer's back-off). */
export const renderQueueLength = (): number => waiting.length + running

/** Whether a visitor's render is waiting for a slot (the warmer pauses while one is). */
export const visitorsWaiting = (): boolean => waiting.some((waiter) => !waiter.low)
