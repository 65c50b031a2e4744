// `kill -9` of a production CMS on SQLite (issue 16): in the middle of its start-up migration, and
// while several editors publish the same page. Each time the CMS starts again on the same file, the
// migration is completed (it was rolled back whole, not left half-applied), `PRAGMA integrity_check`
// says ok, no page has two versions marked latest, and what was acknowledged is there. The publishing
// case runs on MongoDB too (versions checked where it has transactions: a replica set), as does a
// publish the site did not confirm before the kill: the next start tells the site.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'
import { post } from './helpers/accounts'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { usesReplicaSet } from '@/lib/database'
import { freePort, startProductionCms, type RunningServer } from './helpers/server'
import { startSiteReceiver } from './helpers/site-receiver'
import { migrations } from '@/migrations'

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = mkdtempSync(path.join(tmpdir(), 'clinic-kill9-'))
const admin = { email: 'kill9@clinic.example', password: 'a long and careful passphrase' }
const secret = 'k'.repeat(64)
const env = { PAYLOAD_SECRET: secret }

afterAll(() => rmSync(work, { recursive: true, force: true }))

// On a standalone MongoDB server (FerretDB here) a document and its versions are written apart.
const transactional = testDatabase === 'sqlite' || usesReplicaSet(process.env.MONGODB_TEST_URI ?? '')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitGone(pid: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
    await sleep(50)
  }
}

async function inspect(file: string) {
  const client = createClient({ url: `file:${file}` })
  try {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]))
    const migrated = (await client.execute('SELECT name FROM payload_migrations ORDER BY name')).rows.map((row) => String(row[0]))
    return { integrity, migrated }
  } finally {
    client.close()
  }
}

/**
 * A production CMS on `file`, started by hand (not startProductionCms, which waits for it to be up):
 * these tests kill it while it starts. Payload starts (migrates, seeds) on the first request, so
 * the CMS is knocked on until `stopKnocking()`; `output()` is what it printed.
 */
async function startCmsToKill(file: string, extraEnv: Record<string, string>, knockEveryMs: number) {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(appDir, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    detached: true,
    env: { ...process.env, ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URI: `file:${file}`, SEED_ON_START: 'false', CMS_URL: `http://127.0.0.1:${port}`, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const knock = setInterval(() => void fetch(`http://127.0.0.1:${port}/api/users/me`).catch(() => undefined), knockEveryMs)
  return { child, output: () => output, stopKnocking: () => clearInterval(knock) }
}

if (testDatabase === 'sqlite') {
  describe('kill -9 of the CMS (SQLite, production build)', () => {
    it('during its start-up migration: the next start completes the migration and the database is whole', async () => {
      const file = path.join(work, 'migration.db')
      // Payload starts (and migrates) on the first request: knock until it does.
      const { child, output: printed, stopKnocking } = await startCmsToKill(file, { MEDIA_DIR: path.join(work, 'media-m') }, 200)
      // Kill it once the first migration is writing (its journal exists), a moment into it.
      const deadline = Date.now() + 120_000
      try {
        while (!existsSync(`${file}-journal`) && Date.now() < deadline && child.exitCode === null) await sleep(1)
        await sleep(20)
        process.kill(-child.pid!, 'SIGKILL')
      } finally {
        stopKnocking()
      }
      await waitGone(child.pid!)
      const output = printed()
      const last = migrations.at(-1)!.name
      expect(output, 'the migration had started').toContain(`Migrating: ${migrations[0]!.name}`)
      expect(output, 'the kill came after the migrations had finished').not.toContain(`Migrated:  ${last}`)

      let cms: RunningServer | undefined
      try {
        cms = await startProductionCms({ databaseUri: `file:${file}`, env })
        const articles = await fetch(`${cms.url}/api/articles`)
        expect(articles.status).toBe(200)
      } finally {
        await cms?.stop()
      }
      const state = await inspect(file)
      expect(state.integrity).toEqual(['ok'])
      expect(state.migrated).toEqual(migrations.map((m) => m.name).sort())
    }, 400_000)

    it('during the demo seed of its first start: the next start seeds what is missing, and the admin can sign in', async () => {
      // What a newcomer does: `pnpm dev`, then Ctrl-C (or a crash) while the first start seeds.
      const file = path.join(work, 'seed.db')
      const seedEnv = { ...env, SEED_ON_START: 'true', SEED_ADMIN_EMAIL: admin.email, SEED_ADMIN_PASSWORD: admin.password, MEDIA_DIR: path.join(work, 'media-s') }
      const { child, output, stopKnocking } = await startCmsToKill(file, seedEnv, 500)
      // Killed half-way, watched in the database itself (the log is written in batches): the
      // services are in, the articles not yet.
      const rows = async (table: string) => {
        const client = createClient({ url: `file:${file}` })
        try {
          return Number((await client.execute(`SELECT count(*) FROM ${table}`)).rows[0]![0])
        } catch {
          return 0 // not created yet, or busy
        } finally {
          client.close()
        }
      }
      const deadline = Date.now() + 180_000
      try {
        while ((await rows('services')) === 0 && Date.now() < deadline && child.exitCode === null) await sleep(2)
        expect(child.exitCode, `the first start ended by itself:\n${output().slice(-3000)}`).toBeNull()
        process.kill(-child.pid!, 'SIGKILL')
      } finally {
        stopKnocking()
      }
      await waitGone(child.pid!)
      expect(await rows('services'), 'the seed had got to the services').toBeGreaterThan(0)
      expect(await rows('articles'), 'the kill came before the articles').toBe(0)

      let cms: RunningServer | undefined
      try {
        cms = await startProductionCms({ databaseUri: `file:${file}`, env: seedEnv })
        const count = async (collection: string, where = '') =>
          ((await (await fetch(`${cms!.url}/api/${collection}?depth=0&limit=1${where}`)).json()) as { totalDocs: number }).totalDocs
        expect(await count('articles', '&where[slug][equals]=sciatica-and-massage'), 'the flagship article').toBe(1)
        expect(await count('services'), 'the five services, once each').toBe(5)
        expect(await count('pages', '&where[slug][equals]=about'), 'the About page').toBe(1)
        const settings = (await (await fetch(`${cms.url}/api/globals/site-settings?depth=0`)).json()) as { clinicName?: string }
        expect(settings.clinicName, 'the clinic\'s settings').toBeTruthy()
        const login = await post(cms.url, '/api/users/login', admin)
        expect(login.status, login.text).toBe(200)
        expect(cms.output(), 'the second start finished the seed').toContain('seed: done')
      } finally {
        await cms?.stop()
      }
      expect((await inspect(file)).integrity).toEqual(['ok'])
    }, 500_000)
  })
}

describe(`kill -9 of the CMS while editors publish (${testDatabase}, production build)`, () => {
  it('while three editors publish one page: never two versions marked latest, nothing acknowledged lost, integrity ok', async () => {
    const file = path.join(work, 'publish.db')
    const databaseUri = testDatabase === 'sqlite' ? `file:${file}` : freshDatabaseUri('kill9_publish')
    let cms = await startProductionCms({ databaseUri, env })
    const first = await post(cms.url, '/api/users/first-register', { ...admin, name: 'Kill Admin' })
    expect(first.status, first.text).toBe(200)
    const page = await post(cms.url, '/api/pages', { title: 'Round 0', layout: [{ blockType: 'hero', heading: 'Hi' }], _status: 'published' }, { token: first.body.token })
    expect(page.status, page.text).toBe(201)
    const id = page.body.doc.id
    try {
      for (const round of [1, 2, 3]) {
        const login = await post(cms.url, '/api/users/login', admin)
        expect(login.status, login.text).toBe(200)
        const sent = new Set<string>()
        const acknowledged: string[] = []
        let stop = false
        const writer = async (w: number) => {
          for (let n = 0; !stop; n += 1) {
            const title = `Round ${round} writer ${w} edit ${n}`
            sent.add(title)
            try {
              const response = await fetch(`${cms.url}/api/pages/${id}`, {
                method: 'PATCH',
                headers: { 'content-type': 'application/json', authorization: `JWT ${login.body.token}` },
                body: JSON.stringify({ title, layout: [{ blockType: 'hero', heading: title }, { blockType: 'hero', heading: 'second' }], _status: 'published' }),
              })
              await response.arrayBuffer()
              if (response.status === 200) acknowledged.push(title)
            } catch {
              return
            }
          }
        }
        const writers = [1, 2, 3].map(writer)
        await sleep(800 + round * 400)
        process.kill(-cms.pid, 'SIGKILL')
        await waitGone(cms.pid)
        stop = true
        await Promise.all(writers)
        await cms.stop()
        expect(acknowledged.length, `round ${round}: some publishes went through before the kill`).toBeGreaterThan(0)

        if (testDatabase === 'sqlite') {
          const state = await inspect(file)
          expect(state.integrity, `round ${round}`).toEqual(['ok'])
        }
        cms = await startProductionCms({ databaseUri, env })
        if (transactional) {
          const token = (await post(cms.url, '/api/users/login', admin)).body.token
          const latest = await fetch(`${cms.url}/api/pages/versions?where[parent][equals]=${id}&where[latest][equals]=true&depth=0&limit=10`, {
            headers: { authorization: `JWT ${token}` },
          }).then((r) => r.json() as Promise<{ totalDocs: number }>)
          expect(latest.totalDocs, `round ${round}: versions marked latest`).toBe(1)
        }
        const stored = (await (await fetch(`${cms.url}/api/pages/${id}?depth=0`)).json()) as { title: string; layout: { heading: string }[] }
        expect(sent.has(stored.title), `round ${round}: ${stored.title} is one of the edits`).toBe(true)
        // The page is whole: its blocks belong to the same edit as its title.
        expect(stored.layout.map((block) => block.heading)).toEqual([stored.title, 'second'])
        // The last acknowledged edit of each writer is not older than what is stored for that writer.
        const lastAcknowledged = acknowledged.at(-1)!
        const editNumber = (title: string) => Number(/edit (\d+)$/.exec(title)?.[1] ?? -1)
        const sameWriter = (a: string, b: string) => /writer (\d+)/.exec(a)?.[1] === /writer (\d+)/.exec(b)?.[1]
        if (sameWriter(lastAcknowledged, stored.title)) expect(editNumber(stored.title)).toBeGreaterThanOrEqual(editNumber(lastAcknowledged))
      }
    } finally {
      await cms.stop()
    }
  }, 600_000)
})

describe(`kill -9 of the CMS after a publish the site did not confirm (${testDatabase}, production build)`, () => {
  it('the site was down, the CMS is killed and started again: it tells the site once the site is back', async () => {
    // The site: down during the publish (nothing listens on its port), up before the CMS restarts.
    const revalidateSecret = 'kill9-site-purge-secret'
    const site = await startSiteReceiver(revalidateSecret, { listening: false })
    const received = site.received
    const siteEnv = { ...env, SITE_URL: site.url, SITE_REVALIDATE_SECRET: revalidateSecret }
    const databaseUri = testDatabase === 'sqlite' ? `file:${path.join(work, 'purge.db')}` : freshDatabaseUri('kill9_purge')
    let cms = await startProductionCms({ databaseUri, env: siteEnv })
    try {
      const first = await post(cms.url, '/api/users/first-register', { ...admin, name: 'Kill Admin' })
      expect(first.status, first.text).toBe(200)
      const page = await post(cms.url, '/api/pages', { title: 'Published while the site was down', slug: 'while-down', layout: [{ blockType: 'hero', heading: 'Hi' }], _status: 'published' }, { token: first.body.token })
      expect(page.status, page.text).toBe(201)
      // The call at commit fails at once (connection refused); then the CMS dies.
      await sleep(300)
      process.kill(-cms.pid, 'SIGKILL')
      await waitGone(cms.pid)
      await cms.stop()
      expect(received).toEqual([])

      await site.up()
      const restarted = Date.now()
      cms = await startProductionCms({ databaseUri, env: siteEnv })
      // The first retry is due 15 s after the publish, and the queue is polled every 5 s.
      const deadline = Date.now() + 60_000
      while (received.length === 0 && Date.now() < deadline) await sleep(100)
      expect(received, 'the site was told after the restart').toEqual([expect.arrayContaining(['collection:pages', 'doc:pages:while-down'])])
      expect(Date.now() - restarted, 'within a minute of the restart').toBeLessThan(60_000)
    } finally {
      await cms.stop()
      await site.down()
    }
  }, 300_000)
})
