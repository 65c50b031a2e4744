import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { threadId } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { renderInWorker } from './render-pool'
import { socialImageSize } from './social-image'

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
function pngSize(body: ArrayBuffer): { width: number; height: number } | undefined {
  const bytes = Buffer.from(body)
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return undefined
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('renderInWorker (Open Graph images off the main thread)', () => {
  it('renders a 1200×630 PNG in a worker thread, not on the thread that serves requests', async () => {
    const image = await renderInWorker({ kind: 'Article', title: 'Sciatica and massage: what helps', name: 'Test Clinic', ...socialImageSize })
    expect(pngSize(image.body)).toEqual(socialImageSize)
    expect(new Map(image.headers).get('content-type')).toBe('image/png')
    expect(image.thread).not.toBe(threadId)
  })

  it('renders several images one after another in the same worker, each with its own title', async () => {
    const titles = ['Deep tissue massage', 'A much longer title that wraps onto a second line of the image', 'Hip']
    const images = await Promise.all(titles.map((title) => renderInWorker({ kind: 'Massage service', title, name: 'Test Clinic', ...socialImageSize })))
    for (const image of images) expect(pngSize(image.body)).toEqual(socialImageSize)
    expect(new Set(images.map((image) => image.thread)).size).toBe(1)
    // Different text, different pixels.
    expect(new Set(images.map((image) => Buffer.from(image.body).toString('base64'))).size).toBe(titles.length)
  })

  it.runIf(process.platform === 'linux')('renders at a lower CPU priority than the thread that serves requests, which keeps its own', async () => {
    const before = getPriority()
    const image = await renderInWorker({ kind: 'Page', title: 'Priority', name: 'Test Clinic', ...socialImageSize })
    expect(image.nice).toBe(Math.min(19, before + 10))
    // The kernel's view (field 19 of each thread's stat): one thread of this process runs at that niceness, and this one does not.
    const niceness = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])
    const tasks = readdirSync('/proc/self/task')
    expect(tasks.map(niceness)).toContain(image.nice)
    expect(getPriority()).toBe(before)
    expect(niceness(String(process.pid))).toBe(before)
  })
})
