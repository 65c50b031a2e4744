// The Open Graph renderer's worker thread (src/lib/og/render-pool.ts starts it). next/og lays out
// (satori, yoga) and rasterises (resvg) synchronously: ~15-300 ms of CPU per image. On the server's
// one JavaScript thread that time is taken from every other request; here it is not.
//
// Plain JavaScript (the build makes it a worker chunk; unit tests run the source): it receives
// `{ id, kind, title, name, width, height }` and answers `{ id, body, headers, thread, nice }` (its
// thread's id and scheduling niceness) or `{ id, error }`.
import { readFileSync, readlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { getPriority, setPriority } from 'node:os'
import path from 'node:path'
import { parentPort, threadId } from 'node:worker_threads'

// A thread of its own is not enough on a small server: while it rasterises it takes a whole core,
// and the thread that answers every other request waits for the CPU (issue 18: a cached page took
// seconds during a burst of cold images on 2 cores). So this thread runs at a lower priority than
// the server's (Linux: `setpriority` on a thread id changes that thread only): renders get the CPU
// the requests leave, never the other way round.
/** How much lower than the server's thread (niceness 0-19: +10 gives the server ~90% of a contended core). */
const renderNicenessAbove = 10
/** This thread's kernel id (Linux), or undefined elsewhere. */
function kernelThreadId() {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || undefined
  } catch {
    return undefined
  }
}
const tid = kernelThreadId()
let nice
if (tid !== undefined) {
  try {
    setPriority(tid, Math.min(19, getPriority(process.pid) + renderNicenessAbove))
    nice = getPriority(tid)
  } catch (error) {
    console.warn(`[og] could not lower the renderer's priority: ${String(error).slice(0, 200)}`)
  }
}

const require = createRequire(path.join(process.cwd(), 'package.json'))
const { ImageResponse } = require('next/dist/compiled/@vercel/og/index.node.js')

// Inter, from the @fontsource/inter package installed with the site: nothing is downloaded at run time.
const font = (weight) => readFileSync(path.join(process.cwd(), 'node_modules', '@fontsource', 'inter', 'files', `inter-latin-${weight}-normal.woff`))
const fonts = [
  { name: 'Inter', data: font(400), weight: 400, style: 'normal' },
  { name: 'Inter', data: font(700), weight: 700, style: 'normal' },
]

const colours = { brand: '#2c5a4d', brandDark: '#1f4239', tint: '#e8f1ed', paper: '#fbfaf6' }

/** satori takes React-element-like objects: `{ type, props: { style, children } }`. */
const div = (style, children) => ({ type: 'div', props: { style, children } })

/** The image: what the document is, its title, and the clinic's name and colours. */
function element({ kind, title, name }) {
  const titleSize = title.length > 60 ? 56 : title.length > 32 ? 68 : 80
  return div(
    {
      width: '100%',
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '72px 80px',
      background: colours.paper,
      borderLeft: `24px solid ${colours.brand}`,
      fontFamily: 'Inter',
    },
    [
      div({ display: 'flex' }, [
        div({ display: 'flex', padding: '10px 24px', borderRadius: 999, background: colours.tint, color: colours.brandDark, fontSize: 30, fontWeight: 700 }, kind),
      ]),
      div({ display: 'flex', fontSize: titleSize, fontWeight: 700, lineHeight: 1.15, color: '#1d2624' }, title),
      div({ display: 'flex', alignItems: 'center', fontSize: 34, color: colours.brand }, [
        div({ width: 28, height: 28, borderRadius: 999, background: colours.brand, marginRight: 18 }),
        name,
      ]),
    ],
  )
}

parentPort?.on('message', async ({ id, kind, title, name, width, height }) => {
  try {
    const response = new ImageResponse(element({ kind, title, name }), { width, height, fonts })
    const body = await response.arrayBuffer()
    parentPort.postMessage({ id, body, headers: [...response.headers], thread: threadId, nice }, [body])
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
