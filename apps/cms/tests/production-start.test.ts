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

  const goodSecret = 'f'.repeat(64)
  it.each([
    ['PAYLOAD_SECRET is missing', 'PAYLOAD_SECRET', { PAYLOAD_SECRET: undefined, CMS_URL: 'http://127.0.0.1:1' }],
    ['PAYLOAD_SECRET is a known placeholder', 'PAYLOAD_SECRET', { PAYLOAD_SECRET: 'change-me', CMS_URL: 'http://127.0.0.1:1' }],
    ['PAYLOAD_SECRET is too short', 'PAYLOAD_SECRET', { PAYLOAD_SECRET: 'abc123', CMS_URL: 'http://127.0.0.1:1' }],
    ['CMS_URL is missing', 'CMS_URL', { PAYLOAD_SECRET: goodSecret, CMS_URL: undefined }],
  ] as const)('refuses to start when %s, naming the variable', async (_label, variable, overrides) => {
    const port = await freePort()
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URI: freshDatabaseUri('no-secret') }
    for (const [name, value] of Object.entries(overrides)) {
      if (value === undefined) delete env[name]
      else env[name] = value
    }
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
    expect(output).toContain(variable)
  })
})
