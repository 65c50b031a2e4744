// Throughput (wrk), resident memory (/proc) and small latency loops for the benchmark.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'

export const wrkPath = process.env.WRK_PATH || '/usr/bin/wrk'
export const hasWrk = () => existsSync(wrkPath)

const toMs = (value, unit) => Number(value) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit]

/**
 * wrk -c `connections` for `seconds` on one URL (plain GET, keep-alive; no Accept-Encoding unless
 * `headers` says so, e.g. { 'Accept-Encoding': 'gzip' } for what a browser asks).
 * Returns requests/s, total requests, latency p50/p99 (ms) and non-2xx responses.
 */
export function wrk(url, { connections = 32, seconds = 10, threads = 2, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`])
    const child = spawn(wrkPath, ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency', ...headerArgs, url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk failed (${code}): ${out}`))
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1])
      const total = Number(/(\d+) requests in/.exec(out)?.[1])
      const latency = (p) => {
        const match = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s|m)`).exec(out)
        return match ? toMs(match[1], match[2]) : NaN
      }
      const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0)
      resolve({ rps, total, p50Ms: latency(50), p99Ms: latency(99), non2xx })
    })
  })
}

/** The middle one of several wrk results, by requests/s. */
export const medianByRps = (rows) => [...rows].sort((a, b) => a.rps - b.rps)[Math.floor(rows.length / 2)]

/** Resident memory (MB) of a process and everything below it (Linux /proc). */
export function rssMb(pid) {
  const parents = new Map()
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([pid])
  let grew = true
  while (grew) {
    grew = false
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child)
        grew = true
      }
    }
  }
  let kb = 0
  for (const member of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone meanwhile
    }
  }
  return kb / 1024
}

/** Median and p95 (ms) of `runs` sequential requests (after `warm` unmeasured ones). */
export async function latency(url, { runs = 30, warm = 3, init } = {}) {
  const times = []
  for (let i = 0; i < warm + runs; i += 1) {
    const started = performance.now()
    const response = await fetch(url, init)
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    if (i >= warm) times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]
  return { p50: at(50), p95: at(95) }
}
