// Writes that meet other writes: never a 500. On SQLite a write that finds the file locked by
// another connection (a second CMS process, the job runner, `pnpm seed` beside the server, or a
// concurrent transaction of the same process, which libsql runs on its own connection) used to fail
// at once with SQLITE_BUSY; it now waits for the lock (src/lib/sqlite-busy.ts). A production CMS of
// its own, on a fresh database, so holding its lock cannot slow the rest of the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type Client } from '@libsql/client'
import { post } from './helpers/accounts'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'
import { migrations } from '@/migrations'

const admin = { email: 'writer@concurrent.example', password: 'a long and careful passphrase' }
const databaseUri = freshDatabaseUri('concurrent')
let cms: RunningServer | undefined
let token = ''
let adminId: string | number = ''

beforeAll(async () => {
  cms = await startProductionCms({ databaseUri })
  const first = await post(cms.url, '/api/users/first-register', { ...admin, name: 'Concurrent Writer' })
  expect(first.status, first.text).toBe(200)
  token = first.body.token
  adminId = first.body.user.id
}, 300_000)

afterAll(async () => {
  await cms?.stop()
})

async function patchName(name: string): Promise<number> {
  const response = await fetch(`${cms!.url}/api/users/${adminId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ name }),
  })
  await response.arrayBuffer()
  return response.status
}

describe('concurrent writes', () => {
  it('twelve updates sent at once all succeed, and the last one written is what reads back', async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => patchName(`Writer ${i}`)))
    expect(statuses).toEqual(Array(12).fill(200))
    const me = await fetch(`${cms!.url}/api/users/${adminId}`, { headers: { authorization: `JWT ${token}` } }).then((r) => r.json())
    expect(me.name).toMatch(/^Writer \d+$/)
  })
})

if (testDatabase === 'sqlite') {
  describe('SQLite: a write that finds the file locked waits for the lock', () => {
    let other: Client | undefined
    afterAll(() => other?.close())

    it('another connection holds the write lock for 1.2 s: the update waits and succeeds, again after a transaction', async () => {
      other = createClient({ url: databaseUri })
      // Twice: the second write runs on the connection libsql opened after the first one's transaction.
      for (const round of [1, 2]) {
        const lock = await other.transaction('write')
        const started = Date.now()
        const release = new Promise<void>((resolve) => setTimeout(() => lock.rollback().then(resolve), 1200))
        const status = await patchName(`Waited ${round}`)
        await release
        expect(status, `round ${round}`).toBe(200)
        expect(Date.now() - started, `round ${round}: it waited for the lock`).toBeGreaterThanOrEqual(1000)
      }
      const me = await fetch(`${cms!.url}/api/users/${adminId}`, { headers: { authorization: `JWT ${token}` } }).then((r) => r.json())
      expect(me.name).toBe('Waited 2')
    })

    it('something else reads the file while the CMS starts (a backup, a monitoring query): the start-up migrations wait, and the CMS starts', async () => {
      // A production start applies the migrations before anything else; each one's COMMIT needs
      // the readers gone. Here a reader holds the file for 40 ms at a time, with 2 ms gaps, until
      // the CMS answers: a COMMIT that does not wait for it fails, and so does the start.
      const uri = freshDatabaseUri('start_reader')
      const reader = createClient({ url: uri })
      let reading = true
      let reads = 0
      const readerLoop = (async () => {
        while (reading) {
          try {
            const tx = await reader.transaction('deferred')
            await tx.execute('SELECT count(*) FROM sqlite_master')
            await new Promise((resolve) => setTimeout(resolve, 40))
            await tx.commit()
            reads += 1
          } catch {
            // a writer is taking the lock: let it
          }
          await new Promise((resolve) => setTimeout(resolve, 2))
        }
      })()
      let started: RunningServer | undefined
      try {
        started = await startProductionCms({ databaseUri: uri })
        const articles = await fetch(`${started.url}/api/articles?limit=1`)
        expect(articles.status).toBe(200)
      } finally {
        reading = false
        await readerLoop
        reader.close()
        await started?.stop()
      }
      expect(reads, 'the reader was reading during the start').toBeGreaterThan(10)
      const check = createClient({ url: uri })
      try {
        const migrated = (await check.execute('SELECT name FROM payload_migrations ORDER BY name')).rows.map((row) => String(row[0]))
        expect(migrated).toEqual(migrations.map((m) => m.name).sort())
      } finally {
        check.close()
      }
    }, 300_000)
  })
}
