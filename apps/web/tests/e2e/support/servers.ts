import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '@clinic/test-support'

/** apps/web */
export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
/** apps/cms */
export const cmsDir = path.resolve(webDir, '../cms')
/** The repository root. */
export const repoDir = path.resolve(webDir, '../..')

export { freePort }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` until it returns a truthy value; fails with `message` after `timeout` ms. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeout, interval = 250, message }: { timeout: number; interval?: number; message: string },
): Promise<T> {
  const deadline = Date.now() + timeout
  let lastError: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      lastError = error
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : ''
      throw new Error(`${message} (waited ${Math.round(timeout / 1000)} s)${cause}`)
    }
    await sleep(interval)
  }
}

export interface ManagedProcess {
  name: string
  pid: number
  /** Whether the process has exited. */
  exited: () => boolean
  /** The last part of what it printed. */
  tail: (chars?: number) => string
  /** Stops the whole process group (SIGTERM, then SIGKILL after 10 s); safe to call twice. */
  stop: () => Promise<void>
  /** Synchronous best-effort kill, for process exit handlers. */
  killNow: () => void
}

/**
 * Starts a command in its own process group (detached), so stopping it stops every process it
 * started. Output goes to `logFile` and to a small in-memory tail for error messages.
 */
export function startProcess(
  name: string,
  args: string[],
  { cwd, env, logFile }: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): ManagedProcess {
  const child: ChildProcess = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const log = createWriteStream(logFile, { flags: 'w' })
  let recent = ''
  const record = (chunk: Buffer) => {
    log.write(chunk)
    recent = (recent + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', record)
  child.stderr?.on('data', record)
  let done = false
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      done = true
      log.end()
      resolve()
    }),
  )
  const pid = child.pid
  if (!pid) throw new Error(`Could not start ${name}.`)

  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig)
    } catch {
      // already gone
    }
  }
  return {
    name,
    pid,
    exited: () => done,
    tail: (chars = 4000) => recent.slice(-chars),
    killNow: () => {
      if (!done) signal('SIGKILL')
    },
    stop: async () => {
      if (done) return
      signal('SIGTERM')
      const timer = setTimeout(() => signal('SIGKILL'), 10_000)
      await exitedPromise
      clearTimeout(timer)
    },
  }
}

/** Runs a command to completion; rejects with its output when it fails or times out. */
export function runToCompletion(
  name: string,
  args: string[],
  { cwd, env, timeout }: { cwd: string; env: NodeJS.ProcessEnv; timeout: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
      reject(new Error(`${name} did not finish within ${timeout / 1000} s. Its output:\n${output.slice(-4000)}`))
    }, timeout)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`${name} failed (exit code ${code}). Its output:\n${output.slice(-4000)}`))
    })
  })
}

/** Throws a message saying how to build when an app has no production build. */
export function assertBuilt(appName: string, distDir: string): void {
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new Error(
      `The end-to-end suite runs against production builds, and ${appName} has none (no ${path.relative(repoDir, distDir)}/BUILD_ID).\n` +
        'Build both apps first: `pnpm build` at the repository root (or `pnpm --filter @clinic/cms build && pnpm --filter @clinic/web build`).',
    )
  }
}

/**
 * A production site instance's environment: the CMS it reads, its own public address, the secrets it
 * shares with the CMS, then `extra` (Redis, the front cache, a clock offset...).
 */
export function siteInstanceEnv(
  { cmsUrl, siteUrl, revalidateSecret, previewSecret }: { cmsUrl: string; siteUrl: string; revalidateSecret: string; previewSecret: string },
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    CMS_URL: cmsUrl,
    SITE_URL: siteUrl,
    REVALIDATE_SECRET: revalidateSecret,
    PREVIEW_SECRET: previewSecret,
    ...extra,
  }
}

/** `next start` for an app's production build on 127.0.0.1:port. */
export function nextStartArgs(appDir: string, port: number): string[] {
  return [path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(port), '--hostname', '127.0.0.1']
}

/** Waits until `url` answers with a status below 500; fails at once, with its output, if the process dies. */
export async function waitUntilAnswering(proc: ManagedProcess, url: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (proc.exited()) throw new Error(`${proc.name} exited before answering ${url}. Its output:\n${proc.tail()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
      await response.arrayBuffer()
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await sleep(300)
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeout / 1000} s. Its output:\n${proc.tail()}`)
}
