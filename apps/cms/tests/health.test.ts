import http from 'node:http'
import { createClient, type Client } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'

/**
 * /api/health (the process is up) and /api/health/ready (the database reads and writes, migrations
 * are current) on the production server: up, then down (the database locked by another process, a
 * migration not applied), then up again. README, "Health checks".
 */

async function get(url: string) {
  const response = await fetch(url, { signal: AbortSignal.timeout(20_000) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Record<string, any> }
}

describe('on the suite’s CMS', () => {
  it('/api/health answers 200 ok, never cached', async () => {
    const health = await get(`${inject('cmsUrl')}/api/health`)
    expect(health.status).toBe(200)
    expect(health.body.status).toBe('ok')
    expect(health.headers.get('cache-control')).toMatch(/no-store/)
  })

  it('/api/health/ready answers 200 with the database read, written and migrations current, and no secret', async () => {
    const ready = await get(`${inject('cmsUrl')}/api/health/ready`)
    expect(ready.status, ready.text).toBe(200)
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { database: { read: 'ok', write: 'ok', kind: testDatabase }, migrations: { state: testDatabase === 'sqlite' ? 'current' : 'not used' } },
      problems: [],
    })
    expect(ready.headers.get('cache-control')).toMatch(/no-store/)
    expect(ready.text).not.toMatch(/mongodb:\/\/|file:|secret|\/tmp\//i)
  })

  it('is not rate-limited away: 60 readiness calls in a row all answer 200', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 60; i++) statuses.push((await fetch(`${inject('cmsUrl')}/api/health/ready`)).status)
    expect(statuses).toEqual(Array(60).fill(200))
  })
})

if (testDatabase === 'sqlite') {
  describe('SQLite: down, and up again', () => {
    const databaseUri = freshDatabaseUri('health')
    let cms: RunningServer | undefined
    let other: Client | undefined
    beforeAll(async () => {
      cms = await startProductionCms({ databaseUri })
    }, 200_000)
    afterAll(async () => {
      other?.close()
      await cms?.stop()
    })

    // Runs before the lock test: after another process held the write lock, this CMS was seen to
    // keep a lock that refuses a later outside write for a while (noted in the closing note).
    it('a migration not applied: ready is a 503 naming it and what to do', async () => {
      other?.close()
      other = createClient({ url: databaseUri })
      await other.execute('PRAGMA busy_timeout = 5000')
      const last = (await other.execute('SELECT id, name, batch, updated_at, created_at FROM payload_migrations ORDER BY id DESC LIMIT 1')).rows[0] as unknown as { id: number; name: string; batch: number; updated_at: string; created_at: string }
      await other.execute({ sql: 'DELETE FROM payload_migrations WHERE id = ?', args: [last.id] })
      try {
        const ready = await get(`${cms!.url}/api/health/ready`)
        expect(ready.status, ready.text).toBe(503)
        expect(ready.body.checks.migrations).toEqual({ state: 'pending', pending: [String(last.name)] })
        expect(ready.body.problems.join(' ')).toContain(`Migrations not applied: ${String(last.name)}. Restart the CMS`)
      } finally {
        await other.execute({
          sql: 'INSERT INTO payload_migrations (id, name, batch, updated_at, created_at) VALUES (?, ?, ?, ?, ?)',
          args: [last.id, last.name, last.batch, last.updated_at, last.created_at],
        })
      }
      expect((await get(`${cms!.url}/api/health/ready`)).status).toBe(200)
    })

    it('another process holds the database locked: ready is a 503 naming the lock, /api/health stays 200; released, ready is 200', async () => {
      expect((await get(`${cms!.url}/api/health/ready`)).status).toBe(200)
      other = createClient({ url: databaseUri })
      const lock = await other.transaction('write')
      await lock.execute("UPDATE payload_migrations SET updated_at = updated_at")
      try {
        const ready = await get(`${cms!.url}/api/health/ready`)
        expect(ready.status, ready.text).toBe(503)
        expect(ready.headers.get('retry-after')).toBe('5')
        expect(ready.body.status).toBe('down')
        expect(ready.body.checks.database.write).toBe('failed')
        expect(ready.body.problems.join(' ')).toMatch(/Database write failed: .*(locked|did not answer)/)
        expect(ready.text).not.toMatch(/SQLITE_|\bat \S+ \(|\/tmp\//)
        expect((await get(`${cms!.url}/api/health`)).status).toBe(200)
      } finally {
        await lock.rollback()
        lock.close()
      }
      const again = await get(`${cms!.url}/api/health/ready`)
      expect(again.status, again.text).toBe(200)
    })
  })
}

describe('SIGTERM', () => {
  it('a slow save in flight when the CMS is told to stop completes (200, and saved), then the CMS exits', async () => {
    const databaseUri = freshDatabaseUri('sigterm')
    const cms = await startProductionCms({ databaseUri })
    try {
      const admin = { email: 'sigterm@test.example', password: 'sigterm-password-123' }
      const first = await fetch(`${cms.url}/api/users/first-register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...admin, name: 'Before' }) })
      expect(first.status).toBeLessThan(300)
      const { token, user } = (await (await fetch(`${cms.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })).json()) as { token: string; user: { id: string } }
      const body = Buffer.from(JSON.stringify({ name: 'Saved during shutdown' }))
      // The body trickles in over ~3 s; SIGTERM arrives after its first bytes.
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = http.request(`${cms.url}/api/users/${user.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `JWT ${token}` },
        })
        request.on('response', (response) => {
          let text = ''
          response.on('data', (chunk: Buffer) => (text += chunk.toString()))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
        })
        request.on('error', reject)
        let sent = 0
        const step = Math.ceil(body.length / 6)
        const next = () => {
          request.write(body.subarray(sent, sent + step))
          sent += step
          if (sent >= body.length) request.end()
          else setTimeout(next, 500)
        }
        next()
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      process.kill(cms.pid, 'SIGTERM')
      const result = await answer
      expect(result.status, result.text).toBe(200)
      expect(JSON.parse(result.text).doc.name).toBe('Saved during shutdown')
      // The process then exits by itself, and the save is in the database.
      const deadline = Date.now() + 30_000
      let alive = true
      while (alive && Date.now() < deadline) {
        try {
          process.kill(cms.pid, 0)
          await new Promise((resolve) => setTimeout(resolve, 200))
        } catch {
          alive = false
        }
      }
      expect(alive, 'the CMS exited after SIGTERM').toBe(false)
      if (testDatabase === 'sqlite') {
        const client = createClient({ url: databaseUri })
        expect((await client.execute('SELECT name FROM users')).rows[0]!.name).toBe('Saved during shutdown')
        client.close()
      }
    } finally {
      await cms.stop()
    }
  }, 240_000)
})
