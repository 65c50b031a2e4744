import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabaseUri } from './helpers/database'
import { pngBytes } from './helpers/fixtures'
import { freePort, startProductionCms, type RunningServer } from './helpers/server'

// Its own CMS server: S3 storage is chosen by env at start. The S3-compatible server is s3rver (an
// npm package implementing the S3 REST API on local disk), on a free loopback port.
const bucket = 'clinic-media'
const s3Dir = mkdtempSync(path.join(tmpdir(), 'clinic-s3-'))
const localDir = mkdtempSync(path.join(tmpdir(), 'clinic-s3-local-'))
let s3: S3rver
let cms: RunningServer
let token = ''
const admin = { email: 's3-admin@example.com', password: 'a-long-s3-test-password' }

/** Every object key in the bucket (s3rver keeps them as files under its directory). */
function objectKeys(): string[] {
  const root = path.join(s3Dir, bucket)
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('._S3rver_object'))
    .map((entry) => entry.name.replace(/\._S3rver_object$/, ''))
}

beforeAll(async () => {
  const port = await freePort()
  s3 = new S3rver({ port, address: '127.0.0.1', directory: s3Dir, silent: true, configureBuckets: [{ name: bucket, configs: [] }] })
  await s3.run()
  cms = await startProductionCms({
    databaseUri: freshDatabaseUri('s3'),
    env: {
      MEDIA_DIR: localDir,
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      // s3rver's fixed development credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
  })
  const register = await fetch(`${cms.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...admin, name: 'S3 Admin' }),
  })
  expect(register.status).toBe(200)
  const login = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  })
  token = ((await login.json()) as { token: string }).token
}, 240_000)

afterAll(async () => {
  await cms?.stop()
  await s3?.close()
  rmSync(s3Dir, { recursive: true, force: true })
  rmSync(localDir, { recursive: true, force: true })
})

describe('uploads on S3-compatible storage (S3_BUCKET set)', () => {
  it('stores an upload and its sizes in the bucket (not on local disk), serves it at the same URL, and deletes it with the document', async () => {
    const image = await pngBytes(800, 500)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'on-s3.png')
    form.append('_payload', JSON.stringify({ alt: 'A test image stored on S3' }))
    const created = await fetch(`${cms.url}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
    const text = await created.text()
    expect(created.status, `${text}\n${cms.output().slice(-3000)}`).toBe(201)
    const { doc } = JSON.parse(text) as { doc: { id: number | string; filename: string; url: string; sizes: Record<string, { filename?: string | null }> } }

    const keys = objectKeys()
    expect(keys).toContain(doc.filename)
    for (const size of Object.values(doc.sizes)) if (size.filename) expect(keys).toContain(size.filename)
    expect(readdirSync(localDir, { recursive: true })).toEqual([])

    // Served by the CMS from the bucket, at the URL a local upload would have.
    const file = await fetch(new URL(doc.url, cms.url))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toContain('image/png')
    expect(Buffer.from(await file.arrayBuffer()).equals(image)).toBe(true)

    const removed = await fetch(`${cms.url}/api/media/${doc.id}`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
    expect(removed.status).toBe(200)
    expect(objectKeys()).not.toContain(doc.filename)
  })
})
