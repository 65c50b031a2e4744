import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort, waitFor } from './servers'

const redisServer = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server'

export interface RedisServer {
  url: string
  stop: () => Promise<void>
}

/**
 * Starts Debian's redis-server on a free loopback port, in memory only, with the key-space events
 * the site's cache handler listens to; `stop()` ends it by its PID and removes its folder.
 * `stock: true` leaves Redis's own default (no key-space events); `noConfig: true` also removes the
 * CONFIG command, as managed Redis services do.
 */
export async function startRedis({ stock = false, noConfig = false }: { stock?: boolean; noConfig?: boolean } = {}): Promise<RedisServer> {
  if (!existsSync(redisServer)) {
    throw new Error(`redis-server is not installed (${redisServer}). On Debian: apt-get install redis-server (CI does this in .ci/run).`)
  }
  const port = await freePort()
  const dir = mkdtempSync(path.join(tmpdir(), 'clinic-redis-'))
  const child = spawn(
    redisServer,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      ...(stock ? [] : ['--notify-keyspace-events', 'Exe']),
      ...(noConfig ? ['--rename-command', 'CONFIG', ''] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  let exited = false
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())))
  const stop = async () => {
    if (!exited && child.pid) {
      process.kill(child.pid, 'SIGTERM')
      const timer = setTimeout(() => child.pid && !exited && process.kill(child.pid, 'SIGKILL'), 5000)
      await exitedPromise
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitFor(() => exited || output.includes('Ready to accept connections'), { timeout: 10_000, message: 'redis-server did not start' })
    if (exited) throw new Error(`redis-server exited at start:\n${output}`)
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `redis://127.0.0.1:${port}`, stop }
}
