import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '@clinic/test-support'

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export { freePort }

export interface RunningServer {
  url: string
  pid: number
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts the production build of the CMS (`next start`) on a free port and a database of its own,
 * waits until it answers, and returns a handle that stops it by its PID.
 */
export async function startProductionCms(options: { databaseUri: string; env?: Record<string, string> }): Promise<RunningServer> {
  if (!existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error('The CMS has no production build: run `pnpm build` first (`pnpm test` at the root does it for you).')
  }
  const port = await freePort()
  const nextBin = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')
  let log = ''
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URI: options.databaseUri,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      SEED_ON_START: 'false',
      CMS_URL: `http://127.0.0.1:${port}`,
      MEDIA_DIR: mkdtempSync(path.join(tmpdir(), 'clinic-media-server-')),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const pid = child.pid
  if (!pid) throw new Error('Could not start the CMS process.')

  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    try {
      process.kill(-pid, 'SIGTERM')
    } catch {
      return
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }, 5000)
    await exited
    clearTimeout(timer)
  }

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(`${url}/api/users/me`)
      if (response.status < 500) return { url, pid, output: () => log, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error(`The CMS did not start within 3 minutes. Its output:\n${log.slice(-4000)}`)
}
