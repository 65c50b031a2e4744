import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { deferAppScripts, loaderMarker, loaderScript } from './defer-app-scripts.mjs'

// The shape Next.js 16 writes for a page (trimmed): the stylesheet, the bootstrap chunk's preload and
// the other chunks as async scripts in <head>, a `noModule` polyfill, the inline RSC payload, and the
// bootstrap chunk itself at the end of <body>.
const chunks = ['/_next/static/chunks/a1.js', '/_next/static/chunks/b2.js', '/_next/static/chunks/turbopack-c3.js']
const bootstrap = '/_next/static/chunks/main0.js'
const page =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/s.css" data-precedence="next"/>' +
  `<link rel="preload" as="script" fetchPriority="low" href="${bootstrap}"/>` +
  chunks.map((src) => `<script src="${src}" async=""></script>`).join('') +
  '<title>Sciatica</title></head><body><main><h1>Sciatica</h1><p class="lead">Pain down one leg.</p></main>' +
  '<script src="/_next/static/chunks/poly.js" noModule=""></script>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
  `<script src="${bootstrap}" async=""></script></body></html>`

describe('deferAppScripts', () => {
  const out = deferAppScripts(page)

  test('takes every framework chunk out of the document, and its preload', () => {
    for (const src of [...chunks, bootstrap]) {
      expect(out).not.toContain(`<script src="${src}"`)
      expect(out).not.toContain(`href="${src}"`)
    }
  })

  test('leaves the content, the stylesheet, inline scripts and the noModule polyfill as they were', () => {
    expect(out).toContain('<h1>Sciatica</h1><p class="lead">Pain down one leg.</p>')
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/s.css" data-precedence="next"/>')
    expect(out).toContain('<script src="/_next/static/chunks/poly.js" noModule=""></script>')
    expect(out).toContain('<script>(self.__next_f=self.__next_f||[]).push([0])</script>')
  })

  test('adds one loader at the end of <body>, naming the chunks in their order, the bootstrap last', () => {
    const loader = loaderScript([...chunks, bootstrap])
    expect(out.endsWith(`${loader}</body></html>`)).toBe(true)
    expect(out.split(loaderMarker).length - 1).toBe(2) // defined once, called once
  })

  test('is idempotent: a rewritten page is returned as it is', () => {
    expect(deferAppScripts(out)).toBe(out)
  })

  test('returns anything without a framework chunk unchanged', () => {
    for (const html of ['', '<html><body><p>Plain</p></body></html>', '<script src="https://other.example/x.js" async=""></script>']) {
      expect(deferAppScripts(html)).toBe(html)
    }
  })

  test('leaves scripts it does not recognise alone (integrity, nonce, other origins)', () => {
    const guarded = '<head><script src="/_next/static/chunks/a1.js" async="" integrity="sha384-x"></script></head><body></body>'
    expect(deferAppScripts(guarded)).toBe(guarded)
  })

  test('lists a chunk named twice once', () => {
    const twice = `<body><script src="${chunks[0]}" async=""></script><script src="${chunks[0]}" async=""></script></body>`
    expect(deferAppScripts(twice)).toBe(`<body>${loaderScript([chunks[0]!])}</body>`)
  })

  test('appends the loader when the document has no </body>', () => {
    expect(deferAppScripts(`<script src="${chunks[0]}" async=""></script><p>x</p>`)).toBe(`<p>x</p>${loaderScript([chunks[0]!])}`)
  })
})

describe('the loader, run as a browser runs it', () => {
  /** A window with just what the loader touches; the test plays the browser's events in any order. */
  function browser({ readyState = 'interactive', idle = true, paintTiming = true } = {}) {
    const appended: string[] = []
    const listeners: Record<string, () => void> = {}
    const timers: { fn: () => void; ms: number }[] = []
    const frames: (() => void)[] = []
    const idleCallbacks: { fn: () => void; timeout: number }[] = []
    let paintObserver: ((list: { getEntriesByName: (name: string) => unknown[] }, observer: { disconnect: () => void }) => void) | undefined
    const window: Record<string, unknown> = {
      addEventListener: (type: string, fn: () => void) => {
        listeners[type] = fn
      },
      requestAnimationFrame: (fn: () => void) => frames.push(fn),
      ...(idle ? { requestIdleCallback: (fn: () => void, options: { timeout: number }) => idleCallbacks.push({ fn, timeout: options.timeout }) } : {}),
    }
    class PerformanceObserver {
      constructor(callback: typeof paintObserver) {
        paintObserver = callback
      }
      observe(options: { type: string; buffered: boolean }) {
        expect(options).toEqual({ type: 'paint', buffered: true })
      }
    }
    const document = {
      readyState,
      createElement: () => ({}) as { src?: string; async?: boolean },
      body: { appendChild: (element: { src: string; async: boolean }) => appended.push(`${element.src}${element.async ? ' async' : ''}`) },
    }
    const context = {
      window,
      self: window,
      document,
      setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
      ...(paintTiming ? { PerformanceObserver } : {}),
    }
    const paint = (name: string) => paintObserver!({ getEntriesByName: (wanted) => (wanted === name ? [{}] : []) }, { disconnect: () => {} })
    /** Runs the frame callbacks, then the 0 ms timers they queued. */
    const nextFrame = () => {
      for (const fn of frames.splice(0)) fn()
      for (const timer of timers.filter((t) => t.ms === 0)) {
        timers.splice(timers.indexOf(timer), 1)
        timer.fn()
      }
    }
    return { context, appended, listeners, timers, idleCallbacks, paint, nextFrame }
  }
  const code = loaderScript(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']).replace(/^<script>|<\/script>$/g, '')
  const all = ['/_next/static/chunks/a.js async', '/_next/static/chunks/b.js async']

  test('asks for nothing until the page has loaded and painted, then, a frame later and when idle, for every chunk', () => {
    const b = browser()
    runInNewContext(code, b.context)
    b.listeners.load!()
    b.nextFrame()
    expect(b.appended, 'loaded but not painted').toEqual([])
    b.paint('first-paint')
    b.nextFrame()
    expect(b.appended, 'a paint without content').toEqual([])
    b.paint('first-contentful-paint')
    expect(b.appended, 'before the next frame').toEqual([])
    b.nextFrame()
    expect(b.appended, 'before the browser is idle').toEqual([])
    expect(b.idleCallbacks.map((c) => c.timeout)).toEqual([1000])
    b.idleCallbacks[0]!.fn()
    expect(b.appended).toEqual(all)
    // The 5-second safety net finds them already asked for.
    b.timers.find((t) => t.ms === 5000)!.fn()
    expect(b.appended).toEqual(all)
  })

  test('painted before loaded (a page with images): waits for the load event', () => {
    const b = browser({ idle: false })
    runInNewContext(code, b.context)
    b.paint('first-contentful-paint')
    b.nextFrame()
    expect(b.appended).toEqual([])
    b.listeners.load!()
    b.nextFrame()
    expect(b.appended, 'without requestIdleCallback (Safari): right after the frame').toEqual(all)
  })

  test('a page already loaded when the script runs waits only for its paint', () => {
    const b = browser({ readyState: 'complete' })
    runInNewContext(code, b.context)
    expect(b.listeners.load).toBeUndefined()
    b.paint('first-contentful-paint')
    b.nextFrame()
    b.idleCallbacks[0]!.fn()
    expect(b.appended).toEqual(all)
  })

  test('a browser without paint timing loads them once the page has loaded', () => {
    const b = browser({ paintTiming: false })
    runInNewContext(code, b.context)
    b.listeners.load!()
    b.nextFrame()
    b.idleCallbacks[0]!.fn()
    expect(b.appended).toEqual(all)
  })

  test('a page that never finishes loading or never paints still gets its scripts after 5 s', () => {
    const b = browser()
    runInNewContext(code, b.context)
    b.timers.find((t) => t.ms === 5000)!.fn()
    expect(b.appended).toEqual(all)
  })

  test('no source can close the script element', () => {
    expect(loaderScript(['/x</script><script>alert(1)//.js'])).not.toContain('</script><script>alert')
  })
})
