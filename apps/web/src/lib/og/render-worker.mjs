// The Open Graph renderer's worker thread (src/lib/og/render-pool.ts starts it). next/og lays out
// (satori, yoga) and rasterises (resvg) synchronously: ~15-300 ms of CPU per image. On the server's
// one JavaScript thread that time is taken from every other request; here it is not.
//
// Plain JavaScript (the build makes it a worker chunk; unit tests run the source): it receives
// `{ id, kind, title, name, width, height }` and answers `{ id, body, headers, thread }` (its thread's id) or `{ id, error }`.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parentPort, threadId } from 'node:worker_threads'

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
    parentPort.postMessage({ id, body, headers: [...response.headers], thread: threadId }, [body])
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
