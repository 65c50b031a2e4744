import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { RenderedImage } from './render-queue'

/**
 * Renders Open Graph images in one worker thread (src/lib/og/render-worker.mjs), off the server's
 * JavaScript thread, at a lower scheduling priority than it: a cold image costs the visitors of
 * other pages only the CPU they leave free.
 * The worker starts on the first render and stops after `idleMs` without one (its fonts, WebAssembly
 * and heap are ~30-40 MB of memory, which an idle site does not need). Jobs are queued by
 * src/lib/og/render-queue.ts (one at a time, one per image).
 */
const idleMs = 30_000

export type RenderJob = { kind: string; title: string; name: string; width: number; height: number }

/**
 * The image, the id of the thread that rendered it (never the server's main thread, 0), and that
 * thread's scheduling niceness (undefined where it cannot be set).
 */
export type WorkerImage = RenderedImage & { thread: number; nice?: number }

type Pending = { resolve: (image: WorkerImage) => void; reject: (error: Error) => void }
type Answer = { id: number; body?: ArrayBuffer; headers?: [string, string][]; thread?: number; nice?: number; error?: string }

let worker: Worker | undefined
let idleTimer: NodeJS.Timeout | undefined
let nextId = 0
const pending = new Map<number, Pending>()

// `new Worker(path.join(process.cwd(), …))`: Turbopack recognises the pattern and builds the file
// as a worker chunk of its own (.next/server/chunks/[worker thread]-…); unit tests load the source.
const workerFile = () => path.join(process.cwd(), 'src', 'lib', 'og', 'render-worker.mjs')

function failAll(error: Error): void {
  for (const { reject } of pending.values()) reject(error)
  pending.clear()
}

function startWorker(): Worker {
  const started = new Worker(workerFile())
  started.unref()
  started.on('message', ({ id, body, headers, thread, nice, error }: Answer) => {
    const job = pending.get(id)
    if (!job) return
    pending.delete(id)
    if (error !== undefined || !body) job.reject(new Error(`Open Graph render failed: ${error ?? 'no image'}`))
    else job.resolve({ body, headers: headers ?? [], thread: thread ?? -1, nice })
    if (pending.size === 0) scheduleStop()
  })
  const gone = (error: Error) => {
    if (worker === started) worker = undefined
    failAll(error)
  }
  started.on('error', gone)
  started.on('exit', (code) => gone(new Error(`Open Graph renderer stopped (exit code ${code})`)))
  return started
}

function scheduleStop(): void {
  clearTimeout(idleTimer)
  idleTimer = setTimeout(() => {
    if (pending.size > 0 || !worker) return
    const stopping = worker
    worker = undefined
    void stopping.terminate()
  }, idleMs)
  idleTimer.unref()
}

/** Renders one image in the worker thread. */
export function renderInWorker(job: RenderJob): Promise<WorkerImage> {
  clearTimeout(idleTimer)
  worker ??= startWorker()
  const id = ++nextId
  const answer = new Promise<WorkerImage>((resolve, reject) => pending.set(id, { resolve, reject }))
  worker.postMessage({ id, ...job })
  return answer
}
