// Starting and stopping the two apps for the benchmark. Every child runs in its own process group
// (detached) and is stopped by its PID (the group), never by name.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { freePort } from '@clinic/test-support'

/** The PIDs of every process below `pid` (Linux /proc; empty elsewhere). */
function descendants(pid) {
  const children = new Map()
  let entries = []
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return []
  }
  for (const name of entries) {
    try {
      // The command name (field 2) may hold spaces; the parent PID is the 2nd field after it.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push({ pid: Number(name), start: startTime(Number(name)) })
    } catch {
      // gone meanwhile
    }
  }
  const found = []
  const queue = [pid]
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child)
      queue.push(child.pid)
    }
  }
  return found
}

/** When a process started (field 22 of /proc/PID/stat), so a reused PID is never signalled. */
function startTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name)
  } catch {
    // already gone
  }
}

/** Signals a process found by `descendants`, if it is still that same process. */
function signalSame({ pid, start }, name) {
  if (start !== undefined && startTime(pid) === start) signal(pid, name)
}

export { freePort }

const running = new Set()

/**
 * Spawns a command in its own process group and keeps its output (the last 200 kB) for error
 * messages. Returns { pid, output(), exited, stop() }.
 */
export function start(name, command, args, { cwd, env }) {
  let log = ''
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const keep = (chunk) => {
    log += chunk.toString()
    if (log.length > 200_000) log = log.slice(-200_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const handle = {
    name,
    pid: child.pid,
    output: () => log,
    exited,
    get done() {
      return child.exitCode !== null || child.signalCode !== null
    },
    async stop() {
      running.delete(handle)
      if (handle.done) return
      // `next start` runs its server as a child in a process group of its own: stop the whole tree,
      // each by its PID, not only this group.
      const tree = descendants(child.pid)
      signal(-child.pid, 'SIGTERM')
      for (const proc of tree) signalSame(proc, 'SIGTERM')
      const timer = setTimeout(() => {
        signal(-child.pid, 'SIGKILL')
        for (const proc of tree) signalSame(proc, 'SIGKILL')
      }, 5000)
      await exited
      clearTimeout(timer)
    },
  }
  if (!child.pid) throw new Error(`Could not start ${name}.`)
  running.add(handle)
  return handle
}

/** Runs a command to completion; rejects with its output if it fails. */
export async function run(name, command, args, options) {
  const handle = start(name, command, args, options)
  const { code, signal } = await handle.exited
  running.delete(handle)
  if (code !== 0) throw new Error(`${name} failed (${signal ?? `exit ${code}`}). Its output:\n${handle.output().slice(-6000)}`)
  return handle.output()
}

/** Stops every process started here that is still running (each by its own PID). */
export async function stopAll() {
  await Promise.all([...running].map((handle) => handle.stop()))
}

/** Waits until `check(url)` is true, or the process exits, or the time runs out. */
export async function waitUntilUp(handle, url, { timeoutMs = 180_000, ok = (response) => response.status < 500 } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (handle.done) break
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      if (ok(response)) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${handle.name} did not answer at ${url}. Its output:\n${handle.output().slice(-6000)}`)
}
