import { createRequire } from 'node:module'
import path from 'node:path'
import { expect, it } from 'vitest'
import { resizeOneImageAtATime, resizesWaiting } from './image-optimiser-queue'

type SharpModule = ((input: object) => { avif: (o: object) => { toBuffer: () => Promise<Buffer> } }) & {
  counters: () => { queue: number; process: number }
  concurrency: (n: number) => number
  cache: (on: boolean) => void
}

// The sharp module Next.js's image optimiser loads, as the site's start-up finds it.
const fromSite = createRequire(path.join(process.cwd(), 'package.json'))
const sharp = createRequire(fromSite.resolve('next/dist/server/image-optimizer/transform.js'))('sharp') as SharpModule

it('Next.js’s sharp runs one resize at a time once queued, and every resize still completes', async () => {
  expect(resizeOneImageAtATime()).toBe(true)
  sharp.concurrency(1)
  sharp.cache(false)
  const image = (i: number) => sharp({ create: { width: 800, height: 450, channels: 3, background: { r: 40 * i, g: 120, b: 200 } } }).avif({ quality: 47, effort: 3 })
  let most = 0
  const timer = setInterval(() => (most = Math.max(most, sharp.counters().process)), 1)
  try {
    const pending = Array.from({ length: 4 }, (_, i) => image(i).toBuffer())
    expect(resizesWaiting()).toBe(4)
    const outputs = await Promise.all(pending)
    for (const output of outputs) expect(output.subarray(4, 12).toString('latin1')).toBe('ftypavif')
  } finally {
    clearInterval(timer)
  }
  expect(most, 'resizes in libvips at once').toBe(1)
  expect(resizesWaiting()).toBe(0)
})
