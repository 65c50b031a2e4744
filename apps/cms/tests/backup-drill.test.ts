import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'

/**
 * The backup drill (issue 16), as an operator would run it: `db:backup` while a production CMS
 * serves writes, `db:restore` into a fresh folder, a CMS started on the copy, and every document,
 * version and media file compared. Also: restore refuses a non-empty target and a damaged backup.
 * README, "Production" → "Backup and restore". SQLite (MongoDB's backup is db:export's format,
 * covered by tests/transfer.test.ts).
 */

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = mkdtempSync(path.join(tmpdir(), 'clinic-backup-drill-'))
const secret = randomBytes(32).toString('hex')
const admin = { email: 'drill-admin@test.example', password: 'drill-password-123' }
const source = { db: path.join(work, 'live', 'clinic.db'), media: path.join(work, 'live', 'media') }
const restored = { db: path.join(work, 'restored', 'clinic.db'), media: path.join(work, 'restored', 'media') }
const backupDir = path.join(work, 'backup')
let live: RunningServer | undefined
let copy: RunningServer | undefined
const tokens: Record<string, string> = {}
const bookingKey = `drill-booking-${randomBytes(12).toString('hex')}`
const undecryptable = 'Service account "Drill booking form"'

/** What the booking key may do, asked as the key's own account. */
async function bookingMayCreate(server: RunningServer): Promise<boolean> {
  const response = await fetch(`${server.url}/api/access`, { headers: { authorization: `service-accounts API-Key ${bookingKey}` } })
  const body = (await response.json()) as { collections?: Record<string, { create?: unknown }> }
  return body.collections?.['appointment-requests']?.create === true
}

function run(command: 'backup' | 'restore', args: string[], target: { db: string; media: string; uri?: string }): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/backup.ts', command, ...args], {
      cwd: appDir,
      env: { ...process.env, SEED_ON_START: 'false', DATABASE_URI: target.uri ?? `file:${target.db}`, MEDIA_DIR: target.media },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code: code ?? 1, output })))
  })
}

async function api(server: RunningServer, method: string, pathAndQuery: string, body?: unknown) {
  const init: RequestInit = { method, headers: tokens[server.url] ? { authorization: `JWT ${tokens[server.url]}` } : {} }
  if (body instanceof FormData) init.body = body
  else if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
  }
  const response = await fetch(`${server.url}${pathAndQuery}`, init)
  const text = await response.text()
  return { status: response.status, text, body: text ? (JSON.parse(text) as any) : undefined }
}

async function login(server: RunningServer) {
  const answer = await api(server, 'POST', '/api/users/login', admin)
  expect(answer.status, answer.text).toBe(200)
  tokens[server.url] = answer.body.token
}

/** Every document (drafts included) and every version of a collection, by id. */
async function everything(server: RunningServer, slug: string, versions: boolean) {
  const read = async (base: string) => {
    const all = new Map<string, unknown>()
    for (let page = 1; ; page++) {
      const answer = await api(server, 'GET', `${base}?limit=100&page=${page}&depth=0&draft=true&sort=id`)
      expect(answer.status, answer.text).toBe(200)
      for (const doc of answer.body.docs as Array<{ id: number }>) all.set(String(doc.id), doc)
      if (!answer.body.hasNextPage) return all
    }
  }
  return { docs: await read(`/api/${slug}`), versions: versions ? await read(`/api/${slug}/versions`) : new Map() }
}

const sha = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  if (testDatabase !== 'sqlite') return
  live = await startProductionCms({ databaseUri: `file:${source.db}`, env: { PAYLOAD_SECRET: secret, MEDIA_DIR: source.media } })
  const first = await api(live, 'POST', '/api/users/first-register', { ...admin, name: 'Drill Admin' })
  expect(first.status, first.text).toBeLessThan(300)
  await login(live)
  for (let i = 0; i < 3; i++) {
    const image = await sharp({ create: { width: 320 + i * 40, height: 200, channels: 3, background: { r: 40 * i, g: 120, b: 200 } } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), `drill-${i}.png`)
    form.append('_payload', JSON.stringify({ alt: `Drill image ${i}` }))
    const upload = await api(live, 'POST', '/api/media', form)
    expect(upload.status, upload.text).toBe(201)
  }
  const account = await api(live, 'POST', '/api/service-accounts', { name: 'Drill booking form', purpose: 'booking', enableAPIKey: true, apiKey: bookingKey })
  expect(account.status, account.text).toBe(201)
  for (let i = 0; i < 4; i++) {
    const member = await api(live, 'POST', '/api/team', { name: `Drill therapist ${i}`, jobTitle: 'RMT', bio: 'Bio.', _status: 'published' })
    expect(member.status, member.text).toBe(201)
  }
}, 300_000)

afterAll(async () => {
  await live?.stop()
  await copy?.stop()
  rmSync(work, { recursive: true, force: true })
})

if (testDatabase === 'sqlite')
  describe('backup drill: back up under write load, restore, start, compare', () => {
  let acknowledgedBeforeBackup: string[] = []

  it('db:backup takes a snapshot while editors keep publishing and uploading; every write acknowledged before it is in it', async () => {
    const team = await api(live!, 'GET', '/api/team?limit=10&depth=0')
    const ids: number[] = team.body.docs.map((doc: { id: number }) => doc.id)
    let writing = true
    let round = 0
    const acknowledged: Array<{ at: number; name: string }> = []
    const writer = (async () => {
      while (writing && round < 400) {
        round++
        const id = ids[round % ids.length]!
        const name = `Drill therapist ${id} round ${round}`
        const answer = await api(live!, 'PATCH', `/api/team/${id}`, { name, _status: round % 3 === 0 ? 'draft' : 'published' })
        expect(answer.status, answer.text).toBe(200)
        acknowledged.push({ at: Date.now(), name })
        if (round % 10 === 0) {
          const image = await sharp({ create: { width: 64, height: 64 + round, channels: 3, background: '#884422' } }).png().toBuffer()
          const form = new FormData()
          form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), `load-${round}.png`)
          form.append('_payload', JSON.stringify({ alt: `Load image ${round}` }))
          expect((await api(live!, 'POST', '/api/media', form)).status).toBe(201)
        }
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const backupStarted = Date.now()
    const result = await run('backup', [backupDir], source)
    writing = false
    await writer
    expect(result.code, result.output).toBe(0)
    expect(result.output).toMatch(/Backed up SQLite .* to .*backup/)
    expect(acknowledged.filter((write) => write.at > backupStarted).length, 'writes went on during the backup').toBeGreaterThan(0)
    acknowledgedBeforeBackup = acknowledged.filter((write) => write.at < backupStarted).map((write) => write.name)
    expect(acknowledgedBeforeBackup.length).toBeGreaterThan(0)
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'))
    expect(manifest.counts.team).toBe(4)
    expect(manifest.media.files.length).toBeGreaterThanOrEqual(3)
    for (const file of manifest.media.files) expect(sha(readFileSync(path.join(backupDir, 'media', file.path)))).toBe(file.sha256)
  })

  it('db:restore into a fresh folder, then a CMS on it serves every document, version and media file of the snapshot', async () => {
    const result = await run('restore', [backupDir], restored)
    expect(result.code, result.output).toBe(0)
    expect(result.output).toContain('every file checked against its SHA-256')
    expect(result.output).toMatch(/team: 4\b/)
    copy = await startProductionCms({ databaseUri: `file:${restored.db}`, env: { PAYLOAD_SECRET: secret, MEDIA_DIR: restored.media } })
    await login(copy)
    expect((await api(copy, 'GET', '/api/health/ready')).status).toBe(200)

    // The snapshot's own contents, read with SQLite, are what the restored CMS must serve.
    const { createClient } = await import('@libsql/client')
    const snapshot = createClient({ url: `file:${path.join(backupDir, 'database.sqlite')}` })
    const names = (await snapshot.execute('SELECT name FROM team')).rows.map((row) => String(row.name))
    const versionCount = Number((await snapshot.execute('SELECT count(*) AS n FROM _team_v')).rows[0]!.n)
    const mediaCount = Number((await snapshot.execute('SELECT count(*) AS n FROM media')).rows[0]!.n)
    snapshot.close()

    for (const [slug, versioned] of [['team', true], ['media', false], ['users', false]] as const) {
      const [before, after] = [await everything(live!, slug, versioned), await everything(copy, slug, versioned)]
      // Every restored document and version is the live one as it was (versions never change; a
      // document may only differ where it was written after the snapshot).
      for (const [id, doc] of after.docs) {
        const now = before.docs.get(id) as { updatedAt?: string } | undefined
        expect(now, `${slug} ${id} exists live`).toBeDefined()
        // (Media URLs carry the serving CMS's address; login sessions are each server's own.)
        const here = (value: unknown) => ({ ...(JSON.parse(JSON.stringify(value).replaceAll(copy!.url, live!.url)) as object), sessions: undefined })
        if (now!.updatedAt === (doc as { updatedAt?: string }).updatedAt) expect(here(doc), `${slug} ${id}`).toEqual({ ...now, sessions: undefined })
      }
      // Versions never change, but for `latest`, which moves to a version made after the snapshot.
      const unflagged = (version: unknown) => ({ ...(version as object), latest: undefined })
      for (const [id, version] of after.versions) expect(unflagged(version), `${slug} version ${id}`).toEqual(unflagged(before.versions.get(id)))
      if (slug === 'team') {
        expect(after.docs.size).toBe(4)
        expect(after.versions.size).toBe(versionCount)
        // The documents as the snapshot holds them (the main table, not the newest draft).
        const served = await api(copy, 'GET', '/api/team?limit=10&depth=0')
        expect(served.body.docs.map((doc: { name: string }) => doc.name).sort()).toEqual([...names].sort())
      }
      if (slug === 'media') expect(after.docs.size).toBe(mediaCount)
    }
    // Every write acknowledged before the backup began is there (or overwritten by a later one).
    const liveNames = (await everything(copy, 'team', true)).versions
    const versionNames = new Set([...liveNames.values()].map((version: any) => version.version.name as string))
    for (const name of acknowledgedBeforeBackup) expect(versionNames.has(name), name).toBe(true)

    // Media: every file of every restored media document, byte for byte, served by the new CMS.
    const media = await everything(copy, 'media', false)
    for (const doc of media.docs.values() as Iterable<{ filename: string; url: string; sizes?: Record<string, { filename?: string | null }> }>) {
      const files = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size.filename)].filter((name): name is string => Boolean(name))
      for (const name of files) {
        const served = await fetch(`${copy.url}/api/media/file/${encodeURIComponent(name)}`)
        expect(served.status, name).toBe(200)
        expect(sha(Buffer.from(await served.arrayBuffer())), name).toBe(sha(readFileSync(path.join(source.media, name))))
      }
    }
  })

  it('restored with another PAYLOAD_SECRET: the booking key is reported at start (one line) and on the service accounts screen', async () => {
    // With the same secret (above), the key works and nothing is reported.
    expect(await bookingMayCreate(copy!)).toBe(true)
    expect(copy!.output()).not.toContain(undecryptable)
    await copy!.stop()
    copy = await startProductionCms({ databaseUri: `file:${restored.db}`, env: { PAYLOAD_SECRET: randomBytes(32).toString('hex'), MEDIA_DIR: restored.media } })
    await login(copy)
    expect(await bookingMayCreate(copy)).toBe(false)
    expect(copy.output().split(undecryptable).length - 1, copy.output().slice(-2000)).toBe(1)
    expect(copy.output()).toMatch(/its API key cannot be decrypted with the current PAYLOAD_SECRET .* Fix: in the admin, Settings → Service accounts/)
    for (const page of ['/admin/collections/service-accounts', `/admin/collections/service-accounts/${(await api(copy, 'GET', '/api/service-accounts?limit=1')).body.docs[0].id}`]) {
      const html = await fetch(`${copy.url}${page}`, { headers: { authorization: `JWT ${tokens[copy.url]}`, cookie: `payload-token=${tokens[copy.url]}`, origin: copy.url, referer: `${copy.url}/admin` } }).then((r) => r.text())
      expect(html, page).toContain('no longer work')
      expect(html, page).toContain('cannot be decrypted with the current PAYLOAD_SECRET')
    }
  })

  it('restore refuses a target that is not empty (unless --force) and a damaged backup, naming the file', async () => {
    const again = await run('restore', [backupDir], restored)
    expect(again.code, again.output).toBe(1)
    expect(again.output).toMatch(/is not empty .* add --force/)
    const damaged = path.join(work, 'damaged')
    rmSync(damaged, { recursive: true, force: true })
    const result = await run('backup', [damaged], source)
    expect(result.code, result.output).toBe(0)
    const victim = readdirSync(path.join(damaged, 'media'))[0]!
    writeFileSync(path.join(damaged, 'media', victim), 'not an image')
    const fresh = { db: path.join(work, 'fresh', 'clinic.db'), media: path.join(work, 'fresh', 'media') }
    const refused = await run('restore', [damaged], fresh)
    expect(refused.code, refused.output).toBe(1)
    expect(refused.output).toContain(`The backup in ${damaged} is damaged; nothing was restored`)
    expect(refused.output).toContain(`media/${victim}`)
    expect(existsSync(fresh.db)).toBe(false)
  })
})

if (testDatabase === 'mongodb')
  describe('MongoDB: db:backup in the export format, db:restore into an empty database', () => {
    it('backs up a database and its media files, restores them elsewhere, and refuses a second restore', async () => {
      const from = { db: '', uri: freshDatabaseUri('backup_from'), media: path.join(work, 'mongo-from-media') }
      const to = { db: '', uri: freshDatabaseUri('backup_to'), media: path.join(work, 'mongo-to-media') }
      const { mkdirSync } = await import('node:fs')
      mkdirSync(from.media, { recursive: true })
      writeFileSync(path.join(from.media, 'note.txt'), 'a media file')
      const folder = path.join(work, 'mongo-backup')
      const backup = await run('backup', [folder], from)
      expect(backup.code, backup.output).toBe(0)
      const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'))
      expect(manifest.database).toMatchObject({ kind: 'mongodb', file: 'database.json' })
      expect(manifest.media.files).toEqual([{ path: 'note.txt', bytes: 12, sha256: sha(Buffer.from('a media file')) }])
      const restore = await run('restore', [folder], to)
      expect(restore.code, restore.output).toBe(0)
      expect(restore.output).toContain('every file checked against its SHA-256')
      expect(readFileSync(path.join(to.media, 'note.txt'), 'utf8')).toBe('a media file')
      const again = await run('restore', [folder], to)
      expect(again.code, again.output).toBe(1)
      expect(again.output).toMatch(/not empty/)
    }, 240_000)
  })
