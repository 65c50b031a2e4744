// What the front caches' start scripts (deploy/nginx, deploy/varnish) share: a free port, the site's
// instances from --site, and a server run in the foreground in its own process group, stopped by
// that group whatever happens, and waited for until it answers.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The site's instances: one URL, a comma-separated list or an array. */
export function siteUrlsOf(siteUrl) {
  const urls = (Array.isArray(siteUrl) ? siteUrl : String(siteUrl ?? '').split(','))
    .map((url) => String(url).trim())
    .filter(Boolean)
  if (urls.length === 0) throw new Error('front cache: give the site\'s address (--site=URL, or several comma-separated).')
  return urls
}

/**
 * Starts `command` in its own process group and resolves once `isUp()` answers true. `stop()` sends
 * `stopSignal` to the group (SIGKILL 5 s later if it is still there), then removes `prefix`. When
 * the server exits at start or does not answer within `timeoutMs`, it is stopped and the error
 * carries its output (and `startLog()`, e.g. its error log).
 * @param {{ name: string, command: string, args: string[], prefix: string, stopSignal: NodeJS.Signals, isUp: () => Promise<boolean>, timeoutMs: number, startLog?: () => string }} options
 */
export async function startForeground({ name, command, args, prefix, stopSignal, isUp, timeoutMs, startLog = () => '' }) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = false
  const exitedPromise = new Promise((resolve) => child.once('exit', () => ((exited = true), resolve())))
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, stopSignal)
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {}
      }, 5000)
      await exitedPromise
      clearTimeout(timer)
    }
    rmSync(prefix, { recursive: true, force: true })
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (exited) {
      const log = startLog()
      await stop()
      throw new Error(`${name} exited at start:\n${output}${log ? `\n${log}` : ''}`)
    }
    if (await isUp()) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${name} did not answer within ${timeoutMs / 1000} s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { pid: child.pid, output: () => output, stop }
}
