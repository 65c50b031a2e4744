import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { freePort, startProductionCms } from './helpers/server'

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

describe('production start', () => {
  it('a production build starts on a fresh database, migrates it, and serves the admin and the API', async () => {
    const server = await startProductionCms({ databaseUri: freshDatabaseUri('prod-start') })
    try {
      const login = await fetch(`${server.url}/admin/login`)
      expect(login.status).toBe(200)
      expect(await login.text()).toMatch(/<form|login/i)
      const articles = await fetch(`${server.url}/api/articles`)
      expect(articles.status).toBe(200)
      expect((await articles.json()).docs).toEqual([])
      if (testDatabase === 'sqlite') expect(server.output()).toMatch(/Migrat/)
    } finally {
      await server.stop()
    }
  })

  it.each([
    ['missing', undefined],
    ['a known placeholder', 'change-me'],
    ['too short', 'abc123'],
  ])('refuses to start when PAYLOAD_SECRET is %s, naming the variable', async (_label, secret) => {
    const port = await freePort()
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URI: freshDatabaseUri('no-secret') }
    delete env.PAYLOAD_SECRET
    if (secret) env.PAYLOAD_SECRET = secret
    const child = spawn(process.execPath, [path.join(appDir, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
      cwd: appDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        resolve(null)
      }, 60_000)
      child.on('exit', (exitCode) => {
        clearTimeout(timer)
        resolve(exitCode)
      })
    })
    expect(code, output).not.toBe(0)
    expect(code, output).not.toBeNull()
    expect(output).toMatch(/PAYLOAD_SECRET/)
  })
})
