// A watchdog for vitest workers whose event loop may be blocked. vitest's own testTimeout is a
// timer on the test's event loop: a test that spins synchronously (a loop that never yields) never
// lets it fire, and the run hangs until CI's limit, with no name. This watchdog lives in a worker
// thread of the test process, which keeps running while the main thread is blocked: when the
// current test (or hook phase) has run past its budget it prints the test's name and kills its own
// process (vitest's `pool: 'forks'`), so vitest reports the file as failed and the run goes on.
import { writeSync } from 'node:fs'
import { Worker } from 'node:worker_threads'

const nameBytes = 4096

const watcherSource = `
const { workerData } = require('node:worker_threads')
const { writeSync } = require('node:fs')
const { numbers, name } = workerData
const decoder = new TextDecoder()
setInterval(() => {
  const startedAt = numbers[0]
  const budgetMs = numbers[1]
  if (!startedAt || Date.now() - startedAt <= budgetMs) return
  const label = decoder.decode(name.slice(0, numbers[2]))
  const seconds = Math.round((Date.now() - startedAt) / 1000)
  writeSync(2, '\\n✖ HUNG: ' + label + '\\n  still running after ' + seconds + ' s (budget ' + Math.round(budgetMs / 1000) +
    ' s): its own timeout did not fire, so its event loop is blocked or starved. Killing this test process (pid ' + process.pid + ').\\n\\n')
  process.kill(process.pid, 'SIGKILL')
}, 250)
`

/**
 * Starts the watchdog thread for this test process (once) and returns `mark(label, budgetMs)`,
 * called when a test or hook phase starts; `mark()` without arguments stops watching.
 *
 * @returns {{ mark: (label?: string, budgetMs?: number) => void }}
 */
export function startWatchdog() {
  const holder = /** @type {{ __clinicWatchdog?: { mark: (label?: string, budgetMs?: number) => void } }} */ (globalThis)
  if (holder.__clinicWatchdog) return holder.__clinicWatchdog
  const numbers = new Float64Array(new SharedArrayBuffer(3 * 8))
  const name = new Uint8Array(new SharedArrayBuffer(nameBytes))
  const worker = new Worker(watcherSource, { eval: true, workerData: { numbers, name } })
  worker.unref()
  worker.on('error', (error) => writeSync(2, `test watchdog failed: ${error.message}\n`))
  const encoder = new TextEncoder()
  const mark = (/** @type {string | undefined} */ label, /** @type {number | undefined} */ budgetMs) => {
    numbers[0] = 0
    if (!label || !budgetMs) return
    const { written } = encoder.encodeInto(label, name)
    numbers[2] = written
    numbers[1] = budgetMs
    numbers[0] = Date.now()
  }
  holder.__clinicWatchdog = { mark }
  return holder.__clinicWatchdog
}

/**
 * @typedef {{ name: string, suite?: Task, file?: { name: string }, timeout?: number }} Task
 * @typedef {(fn: (...args: any[]) => void) => void} Hook
 */

/** "file > suite > test" */
function fullName(/** @type {Task} */ task) {
  const names = []
  for (let current = /** @type {Task | undefined} */ (task); current; current = current.suite) if (current.name) names.unshift(current.name)
  const file = task.file?.name
  return file && names[0] !== file ? [file, ...names].join(' > ') : names.join(' > ')
}

/**
 * Watches every test of a vitest file, from a setup file: pass vitest's hooks and the suite's
 * timeouts. A test gets its own timeout (or `testMs`), and the file's hooks (booting a server …)
 * `hookMs`: the longest hook timeout the suite gives, as hooks' own are not known here. Plus
 * `graceMs`, for vitest's own timeout to fire first when the event loop is free.
 *
 * @param {{ beforeAll: Hook, beforeEach: Hook, afterEach: Hook, afterAll: Hook }} hooks
 * @param {{ testMs: number, hookMs: number, graceMs?: number }} budgets
 */
export function watchTests({ beforeAll, beforeEach, afterEach, afterAll }, { testMs, hookMs, graceMs = 15_000 }) {
  const { mark } = startWatchdog()
  // vitest passes the file's suite second, and parses a first parameter as fixtures: read `arguments`.
  beforeAll(function () {
    const file = /** @type {Task | undefined} */ (arguments[1])
    mark(`${file?.name ?? 'a test file'} (loading, beforeAll)`, hookMs + graceMs)
  })
  beforeEach((/** @type {{ task: Task }} */ context) => mark(fullName(context.task), (context.task.timeout || testMs) + graceMs))
  afterEach((/** @type {{ task: Task }} */ context) => mark(`${fullName(context.task)} (afterEach/afterAll)`, hookMs + graceMs))
  afterAll(() => mark())
}
