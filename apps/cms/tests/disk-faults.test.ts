// A full disk and a read-only disk under a production CMS on SQLite (issue 16): the database file and
// the upload folder on a small tmpfs of their own (the suite runs as root, in CI too). A publish that
// meets the fault answers 503 with Retry-After and a message a person can act on; nothing is
// half-written, no file is left in MEDIA_DIR; reads, the admin's login page and sign-in keep working
// (or sign-in says why not); once the disk is fixed the same write goes through. On MongoDB: a
// database that cannot be reached, through a relay the test cuts.
import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect, createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngBytes } from './helpers/fixtures'
import { post, type Answer } from './helpers/accounts'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { startProductionCms, type RunningServer } from './helpers/server'

const admin = { email: 'faults@clinic.example', password: 'a long and careful passphrase' }

async function call(cms: RunningServer, token: string, method: string, apiPath: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `JWT ${token}` }
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const response = await fetch(`${cms.url}${apiPath}`, { method, headers, body: payload })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, body: parsed, text, headers: response.headers }
}

/** The database, read from outside the CMS: integrity, and which page versions are marked latest. */
async function inspect(file: string) {
  const client = createClient({ url: `file:${file}` })
  try {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]))
    const doubleLatest = (await client.execute('SELECT parent_id FROM _pages_v WHERE latest = 1 GROUP BY parent_id HAVING count(*) > 1')).rows.length
    return { integrity, doubleLatest }
  } finally {
    client.close()
  }
}

/** Fills the file system that holds `dir` to the last byte; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler')
  const fd = openSync(filler, 'w')
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 512, 1]) {
      const chunk = Buffer.alloc(size, 1)
      try {
        for (;;) writeSync(fd, chunk)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
      }
    }
  } finally {
    closeSync(fd)
  }
  return filler
}

/** Remounts read-only; retries while the stopped CMS's last file handles close ("mount point is busy"). */
async function remountReadOnly(mountPoint: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      execFileSync('mount', ['-o', 'remount,ro', mountPoint], { stdio: 'pipe' })
      return
    } catch (error) {
      // On a busy two-core machine the stopped server's handles can take many seconds to go.
      if (attempt >= 160) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

if (testDatabase === 'sqlite') {
  describe('SQLite on a full or read-only disk (production build)', () => {
    const mountPoint = mkdtempSync(path.join(tmpdir(), 'clinic-disk-'))
    const dbFile = path.join(mountPoint, 'clinic.db')
    const mediaDir = path.join(mountPoint, 'media')
    let cms: RunningServer
    let token = ''
    let pageId: number | string = ''
    const published = { title: 'Opening hours', layout: [{ blockType: 'hero', heading: 'Open six days a week' }] }
    const bigEdit = {
      title: 'Opening hours (rewritten)',
      layout: Array.from({ length: 40 }, (_, i) => ({ blockType: 'hero', heading: `Block ${i} `.padEnd(200, 'x') })),
      _status: 'published',
    }

    // One secret across restarts, so the admin's token stays valid.
    const serverOptions = { databaseUri: `file:${dbFile}`, env: { MEDIA_DIR: mediaDir, PAYLOAD_SECRET: 'd'.repeat(64) } }

    beforeAll(async () => {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint])
      mkdirSync(mediaDir)
      cms = await startProductionCms(serverOptions)
      const first = await post(cms.url, '/api/users/first-register', { ...admin, name: 'Fault Admin' })
      expect(first.status, first.text).toBe(200)
      token = first.body.token
      const page = await call(cms, token, 'POST', '/api/pages', { ...published, _status: 'published' })
      expect(page.status, page.text).toBe(201)
      pageId = page.body.doc.id
    }, 300_000)

    afterAll(async () => {
      await cms?.stop()
      try {
        execFileSync('umount', ['-l', mountPoint])
      } catch {
        // not mounted
      }
      rmSync(mountPoint, { recursive: true, force: true })
    })

    async function pageAsPublished() {
      const response = await fetch(`${cms.url}/api/pages/${pageId}?depth=0`)
      const body = (await response.json()) as { title: string; layout: { heading: string }[] }
      return { status: response.status, title: body.title, headings: body.layout?.map((block) => block.heading) }
    }

    it('disk full: a publish and an upload answer 503 with Retry-After and say so; nothing is half-written, no file is left', async () => {
      const filler = fillDisk(mountPoint)
      let published503: Answer
      let upload: Answer
      try {
        published503 = await call(cms, token, 'PATCH', `/api/pages/${pageId}`, bigEdit)
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(await pngBytes(600, 400))], { type: 'image/png' }), 'treatment-room.png')
        form.append('_payload', JSON.stringify({ alt: 'The treatment room' }))
        upload = await call(cms, token, 'POST', '/api/media', form)
      } finally {
        rmSync(filler, { force: true })
      }
      expect(published503.status, published503.text).toBe(503)
      expect(Number(published503.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(published503.body.errors[0].message).toMatch(/not saved: the database disk is full.*still in the form/)
      expect(upload.status, upload.text).toBe(503)
      expect(upload.body.errors[0].message).toMatch(/disk is full/)
      expect(readdirSync(mediaDir)).toEqual([])

      expect(await pageAsPublished()).toEqual({ status: 200, title: published.title, headings: [published.layout[0]!.heading] })
      expect(await inspect(dbFile)).toEqual({ integrity: ['ok'], doubleLatest: 0 })
      // Space again: the same publish goes through.
      const again = await call(cms, token, 'PATCH', `/api/pages/${pageId}`, bigEdit)
      expect(again.status, again.text).toBe(200)
      expect((await pageAsPublished()).title).toBe(bigEdit.title)
    })

    it('read-only disk: a save answers 503 naming it; reads, the login page and sign-in still answer without a 500', async () => {
      const before = await pageAsPublished()
      // A file system with files open for writing cannot be remounted read-only: the CMS starts on it.
      await cms.stop()
      await remountReadOnly(mountPoint)
      let save: Answer, signIn: Answer, loginPage: Response, read: Awaited<ReturnType<typeof pageAsPublished>>, upload: Answer
      try {
        cms = await startProductionCms(serverOptions)
        save = await call(cms, token, 'PATCH', `/api/pages/${pageId}`, { title: 'Not to be saved', _status: 'published' })
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(await pngBytes(60, 40))], { type: 'image/png' }), 'front-desk.png')
        form.append('_payload', JSON.stringify({ alt: 'The front desk' }))
        upload = await call(cms, token, 'POST', '/api/media', form)
        read = await pageAsPublished()
        loginPage = await fetch(`${cms.url}/admin/login`)
        signIn = await post(cms.url, '/api/users/login', admin)
      } finally {
        await cms.stop()
        execFileSync('mount', ['-o', 'remount,rw', mountPoint])
      }
      expect(save.status, save.text).toBe(503)
      expect(Number(save.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(save.body.errors[0].message).toMatch(/read-only/)
      expect(upload.status, upload.text).toBe(503)
      expect(upload.body.errors[0].message).toMatch(/read-only/)
      expect(read).toEqual(before)
      expect(loginPage.status).toBe(200)
      // Signing in records the session: on a read-only disk it is refused with the reason, never a 500.
      expect([200, 503], signIn.text).toContain(signIn.status)
      if (signIn.status === 503) expect(signIn.body.errors[0].message).toMatch(/read-only/)

      cms = await startProductionCms(serverOptions)
      const after = await call(cms, token, 'PATCH', `/api/pages/${pageId}`, { title: 'Saved once writable', _status: 'published' })
      expect(after.status, after.text).toBe(200)
      expect(await inspect(dbFile)).toEqual({ integrity: ['ok'], doubleLatest: 0 })
    }, 300_000)
  })
} else {
  describe('MongoDB that cannot be reached (production build)', () => {
    // The CMS reaches the database through a loopback relay the test can cut and restore.
    let relay: Server | undefined
    const sockets = new Set<Socket>()
    let cms: RunningServer | undefined
    afterAll(async () => {
      await cms?.stop()
      for (const socket of sockets) socket.destroy()
      relay?.close()
    })

    async function openRelay(port: number, target: URL): Promise<Server> {
      const server = createServer((client) => {
        const upstream = connect(Number(target.port || 27017), target.hostname)
        sockets.add(client).add(upstream)
        client.pipe(upstream).pipe(client)
        const close = () => {
          client.destroy()
          upstream.destroy()
        }
        client.on('error', close).on('close', close)
        upstream.on('error', close).on('close', close)
      })
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
      return server
    }

    it('a save while the database is unreachable is refused, never a 500, and writes nothing; once it is back the save goes through', async () => {
      const target = new URL(freshDatabaseUri('unreachable'))
      relay = await openRelay(0, target)
      const port = (relay.address() as AddressInfo).port
      const uri = new URL(target)
      uri.host = `127.0.0.1:${port}`
      uri.searchParams.set('serverSelectionTimeoutMS', '3000')
      cms = await startProductionCms({ databaseUri: uri.toString() })
      console.log('CMS up through the relay')
      const first = await post(cms.url, '/api/users/first-register', { ...admin, name: 'Fault Admin' })
      expect(first.status, first.text).toBe(200)
      const token = first.body.token
      const page = await call(cms, token, 'POST', '/api/pages', { title: 'Opening hours', layout: [{ blockType: 'hero', heading: 'Hi' }], _status: 'published' })
      expect(page.status, page.text).toBe(201)

      // Cut: no new connections, the open ones dropped.
      const closed = new Promise<void>((resolve) => relay!.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      sockets.clear()
      await closed
      const started = Date.now()
      const save = await call(cms, token, 'PATCH', `/api/pages/${page.body.doc.id}`, { title: 'Closed on Sunday', _status: 'published' })
      console.log(`unreachable MongoDB: ${save.status} after ${Date.now() - started} ms`)
      // Not saved, and never a 500. (Known gap: the caller's token cannot be checked without the
      // database and Payload's auth swallows that error, so the request guard answers 403 "log in"
      // rather than 503; a write that gets as far as the database answers 503 with Retry-After.)
      expect([403, 503], `${save.text}\n${cms.output().slice(-3000)}`).toContain(save.status)
      if (save.status === 503) expect(save.body.errors[0].message).toMatch(/cannot be reached.*still in the form/)

      relay = await openRelay(port, target)
      let again: Answer | undefined
      for (let attempt = 0; attempt < 10; attempt += 1) {
        again = await call(cms, token, 'PATCH', `/api/pages/${page.body.doc.id}`, { title: 'Closed on Sunday', _status: 'published' })
        if (again.status === 200) break
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      expect(again!.status, `${again!.text}\n${cms.output().slice(-3000)}`).toBe(200)
      // Before the successful retry, the refused save had changed nothing: the page went from its first title to the retried one only.
      const versions = await call(cms, token, 'GET', `/api/pages/versions?where[parent][equals]=${page.body.doc.id}&limit=50&depth=0`)
      expect(versions.body.docs.map((v: { version: { title: string } }) => v.version.title).sort()).toEqual(['Closed on Sunday', 'Opening hours'])
    }, 300_000)
  })
}
