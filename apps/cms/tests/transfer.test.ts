import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TransferDump } from '@/lib/transfer'
import { freshDatabaseUri, testDatabase } from './helpers/database'

/**
 * The database transfer, end to end, as separate processes (Payload's config and database are per
 * process): seed an SQLite database A and add drafts, versions and a scheduled job to it; export A;
 * import into an empty B (a fresh MongoDB database when the suite runs on MongoDB, otherwise another
 * SQLite file); export B; import that into a fresh SQLite C. A, B and C must then serve the same
 * content through the Local API, with every reference pointing at the same document.
 */

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runTs = path.join(appDir, 'scripts', 'run-ts.mjs')
const work = mkdtempSync(path.join(tmpdir(), 'clinic-transfer-'))
const staff = { email: 'transfer-admin@example.com', password: 'transfer-test-password' }
const baseEnv = {
  SEED_ON_START: 'false',
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  MEDIA_DIR: mkdtempSync(path.join(tmpdir(), 'clinic-media-transfer-')),
  SEED_ADMIN_EMAIL: staff.email,
  SEED_ADMIN_PASSWORD: staff.password,
}

interface RunResult {
  code: number | null
  output: string
}

function runOnce(databaseUri: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runTs, ...args], {
      cwd: appDir,
      env: { ...process.env, ...baseEnv, DATABASE_URI: databaseUri },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/** Runs a CMS script (scripts/run-ts.mjs) on one database; fails the test if it fails. */
async function payloadRun(databaseUri: string, args: string[], options: { allowFailure?: boolean } = {}): Promise<RunResult> {
  const result = await runOnce(databaseUri, args)
  if (result.code !== 0 && !options.allowFailure) {
    throw new Error(`${args.join(' ')} on ${databaseUri} exited with ${String(result.code)}:\n${result.output.slice(-4000)}`)
  }
  return result
}

const transfer = (uri: string, command: 'export' | 'import', file: string) =>
  payloadRun(uri, ['scripts/transfer.ts', command, file])

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

/** Documents and versions per collection, and which globals are saved. */
function counts(dump: TransferDump) {
  return {
    collections: Object.fromEntries(dump.collections.map(({ slug, docs, versions }) => [slug, { docs: docs.length, versions: versions?.length ?? null }])),
    globals: Object.fromEntries(dump.globals.map(({ slug, doc, versions }) => [slug, { saved: doc !== null, versions: versions?.length ?? null }])),
  }
}

type Snapshot = Record<string, any>
/** A snapshot without what legitimately differs between databases. */
const content = ({ adapter: _adapter, login: _login, ...rest }: Snapshot) => rest
const bySlug = (docs: Array<Record<string, any>>, slug: string) => docs.find((doc) => doc.slug === slug)

const uris = {
  a: `file:${path.join(work, 'a.db')}`,
  b: freshDatabaseUri('transfer_b'),
  c: `file:${path.join(work, 'c.db')}`,
}
const files = { a: path.join(work, 'a.json'), b: path.join(work, 'b.json'), c: path.join(work, 'c.json') }
let dumps: Record<'a' | 'b' | 'c', TransferDump>
let snapshots: Record<'a' | 'b' | 'c', Snapshot>
let importOutput: string
let refusal: RunResult
let badImport: { result: RunResult; where: string; after: TransferDump; truncated: RunResult; corrupt: RunResult; retry: RunResult }

beforeAll(async () => {
  await payloadRun(uris.a, ['src/seed/run.ts'])
  await payloadRun(uris.a, ['tests/helpers/transfer-probe.ts', 'prepare'])
  await transfer(uris.a, 'export', files.a)
  importOutput = (await transfer(uris.b, 'import', files.a)).output
  refusal = await payloadRun(uris.b, ['scripts/transfer.ts', 'import', files.a], { allowFailure: true })
  await transfer(uris.b, 'export', files.b)
  await transfer(uris.c, 'import', files.b)
  await transfer(uris.c, 'export', files.c)
  dumps = { a: readJson(files.a), b: readJson(files.b), c: readJson(files.c) }

  // A file whose very last document cannot be written (a slug the file already used), imported into
  // an empty database D: nothing may stay behind, and the error must name the document and field.
  const bad = structuredClone(dumps.a)
  const withSlugs = [...bad.collections].reverse().find(({ slug, docs }) => slug !== 'redirects' && typeof docs[0]?.slug === 'string')!
  bad.collections = [...bad.collections.filter((c) => c !== withSlugs), withSlugs]
  const duplicate = { ...structuredClone(withSlugs.docs[0]!), id: 987654 }
  withSlugs.docs.push(duplicate)
  const badFile = path.join(work, 'bad.json')
  writeFileSync(badFile, JSON.stringify(bad))
  const truncatedFile = path.join(work, 'truncated.json')
  const full = readFileSync(files.a, 'utf8')
  writeFileSync(truncatedFile, full.slice(0, Math.floor(full.length * 0.6)))
  const corruptFile = path.join(work, 'corrupt.json')
  writeFileSync(corruptFile, JSON.stringify({ ...dumps.a, collections: 'garbage' }))
  const d = freshDatabaseUri('transfer_d')
  const result = await payloadRun(d, ['scripts/transfer.ts', 'import', badFile], { allowFailure: true })
  const truncated = await payloadRun(d, ['scripts/transfer.ts', 'import', truncatedFile], { allowFailure: true })
  const corrupt = await payloadRun(d, ['scripts/transfer.ts', 'import', corruptFile], { allowFailure: true })
  const afterFile = path.join(work, 'd.json')
  await transfer(d, 'export', afterFile)
  // D is still empty, so the good file imports into it afterwards.
  const retry = await payloadRun(d, ['scripts/transfer.ts', 'import', files.a], { allowFailure: true })
  badImport = { result, where: `${withSlugs.slug} 987654 (slug "${String((duplicate as { slug?: unknown }).slug)}")`, after: readJson(afterFile), truncated, corrupt, retry }
  if (d.startsWith('file:')) rmSync(d.slice('file:'.length), { force: true })
  // Snapshots last: logging in (their final step) writes to the account.
  const entries = await Promise.all(
    (['a', 'b', 'c'] as const).map(async (name) => {
      const file = path.join(work, `snapshot-${name}.json`)
      await payloadRun(uris[name], ['tests/helpers/transfer-probe.ts', 'snapshot', file, staff.email, staff.password])
      return [name, readJson<Snapshot>(file)] as const
    }),
  )
  snapshots = Object.fromEntries(entries) as Record<'a' | 'b' | 'c', Snapshot>
}, 900_000)

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
  rmSync(baseEnv.MEDIA_DIR, { recursive: true, force: true })
  if (uris.b.startsWith('file:')) rmSync(uris.b.slice('file:'.length), { force: true })
})

describe(`database transfer: SQLite → ${testDatabase === 'mongodb' ? 'MongoDB' : 'SQLite'} → SQLite`, () => {
  it('exports every content collection, drafts and versions included, and leaves out only Payload’s bookkeeping', () => {
    const { a } = dumps
    expect(a.source.adapter).toBe('sqlite')
    const slugs = a.collections.map(({ slug }) => slug)
    expect(new Set(slugs)).toEqual(
      new Set(['articles', 'services', 'exercises', 'conditions', 'pages', 'team', 'media', 'appointment-requests', 'users', 'service-accounts', 'payload-jobs', 'redirects']),
    )
    expect(Object.keys(a.skippedCollections).sort()).toEqual(['payload-kv', 'payload-locked-documents', 'payload-migrations', 'payload-preferences'])
    const articles = a.collections.find(({ slug }) => slug === 'articles')!
    expect(articles.docs.map((doc) => doc._status).sort()).toEqual(['draft', 'published', 'published', 'published'])
    // Seed (3 published) + draft edit + autosave + the draft-only article.
    expect(articles.versions).toHaveLength(6)
    expect(articles.versions!.filter((version) => version.autosave)).toHaveLength(1)
    expect(a.collections.find(({ slug }) => slug === 'payload-jobs')!.docs).toHaveLength(1)
    // Every global of the content model is filled; Payload's own (job schedule stats) may be empty.
    expect(a.globals.filter(({ slug }) => !slug.startsWith('payload-')).every(({ doc }) => doc !== null)).toBe(true)
    // Staff keep their passwords.
    for (const user of a.collections.find(({ slug }) => slug === 'users')!.docs) {
      expect(user.hash).toEqual(expect.any(String))
      expect(user.salt).toEqual(expect.any(String))
    }
  })

  it(`imports into ${testDatabase === 'mongodb' ? 'a fresh MongoDB database' : 'a fresh SQLite file'} and back into SQLite with the same number of everything`, () => {
    expect(dumps.b.source.adapter).toBe(testDatabase === 'mongodb' ? 'mongoose' : 'sqlite')
    expect(dumps.c.source.adapter).toBe('sqlite')
    expect(counts(dumps.b)).toEqual(counts(dumps.a))
    expect(counts(dumps.c)).toEqual(counts(dumps.a))
    expect(importOutput).toContain('Media files are not in the transfer file')
    // The target gave out its own ids.
    const idsOf = (dump: TransferDump) => dump.collections.find(({ slug }) => slug === 'articles')!.docs.map((doc) => doc.id)
    if (testDatabase === 'mongodb') for (const id of idsOf(dumps.b)) expect(id).toMatch(/^[0-9a-f]{24}$/)
    else for (const id of idsOf(dumps.b)) expect(id).toEqual(expect.any(Number))
  })

  it('refuses to import into a database that already has content, and changes nothing', () => {
    expect(refusal.code).toBe(1)
    expect(refusal.output).toContain('The target database is not empty, so nothing was imported')
    expect(refusal.output).toMatch(/articles: 4 document\(s\)/)
    expect(counts(dumps.b)).toEqual(counts(dumps.a))
  })

  it('an import that fails on its last document leaves the database as it was, and names the document, the field and why', () => {
    const { result, where, after, truncated, corrupt, retry } = badImport
    expect(result.code, result.output).toBe(1)
    const line = result.output.split('\n').find((l) => l.startsWith('The import failed:'))
    expect(line, result.output).toBeDefined()
    expect(line).toContain(where)
    expect(line).toContain('field "slug"')
    expect(line).toMatch(/must be unique/i)
    expect(line).toContain('Nothing was imported: the database is as it was before.')
    expect(result.output).not.toMatch(/^\s+at /m)
    // Exported afterwards: empty, as before the import.
    for (const { slug, docs, versions } of after.collections) {
      expect(docs.length, `${slug} documents left behind`).toBe(0)
      expect(versions?.length ?? 0, `${slug} versions left behind`).toBe(0)
    }
    expect(after.globals.filter(({ doc }) => doc !== null).map(({ slug }) => slug)).toEqual([])
    for (const broken of [truncated, corrupt]) {
      expect(broken.code, broken.output).toBe(1)
      expect(broken.output).toMatch(/The import failed: .*(truncated or corrupt|incomplete)/)
      expect(broken.output).not.toMatch(/^\s+at /m)
    }
    expect(retry.code, retry.output).toBe(0)
    expect(retry.output).toContain('Import done.')
  })

  it('serves the same documents, versions and globals everywhere: values, timestamps, row ids and references', () => {
    // Snapshots name every referenced document by its slug, e-mail or file name, as Payload populates it.
    expect(content(snapshots.b)).toEqual(content(snapshots.a))
    expect(content(snapshots.c)).toEqual(content(snapshots.a))
  })

  it('keeps drafts as drafts: the published article, its unpublished rewrite and autosave, the never-published article', () => {
    for (const snapshot of [snapshots.b, snapshots.c]) {
      const { docs, latestDrafts, versions } = snapshot.articles
      expect(bySlug(docs, 'sciatica-and-massage')).toMatchObject({ _status: 'published', title: 'Sciatica and massage: what helps and why' })
      expect(bySlug(latestDrafts, 'sciatica-and-massage')).toMatchObject({
        _status: 'draft',
        title: 'Sciatica and massage (draft rewrite)',
        excerpt: 'An autosaved excerpt that nobody has published yet.',
      })
      expect(bySlug(docs, 'draft-only-article')).toMatchObject({ _status: 'draft' })
      const ofArticle = versions.filter((version: Snapshot) => version.parent === '→sciatica-and-massage')
      expect(ofArticle.map((version: Snapshot) => [version.version._status, version.autosave, version.latest])).toEqual([
        ['published', false, false],
        ['draft', false, false],
        ['draft', true, true],
      ])
    }
  })

  it('points every reference at the corresponding document, cycles and rich text included', () => {
    for (const snapshot of [snapshots.b, snapshots.c]) {
      expect(bySlug(snapshot.conditions.docs, 'sciatica')?.relatedArticles).toContain('→sciatica-and-massage')
      expect(bySlug(snapshot.articles.docs, 'sciatica-and-massage')?.conditions).toEqual(['→sciatica'])
      const body = bySlug(snapshot.articles.latestDrafts, 'sciatica-and-massage')?.body.root.children as Snapshot[]
      expect(body.filter((node) => node.type === 'block' && node.fields.blockType === 'exerciseEmbed').map((node) => node.fields.exercise)).toContain(
        '→hamstring-floss',
      )
      expect(body.find((node) => node.type === 'relationship')).toMatchObject({ relationTo: 'conditions', value: '→sciatica' })
      expect(body.find((node) => node.type === 'upload')).toMatchObject({ relationTo: 'media', value: expect.stringMatching(/^→.+\.jpg$/) })
      const link = body.flatMap((node) => node.children ?? []).find((node: Snapshot) => node.type === 'link')
      expect(link.fields.doc).toEqual({ relationTo: 'services', value: '→deep-tissue-massage' })
      expect(snapshot['payload-jobs'].docs[0].input.doc).toEqual({ relationTo: 'articles', value: '→draft-only-article' })
      expect(snapshot['appointment-requests'].docs[0].preferredService).toBe('→deep-tissue-massage')
    }
  })

  it('lets staff log in with their old password after the move', () => {
    expect(snapshots.a.login).toEqual({ ok: true, email: staff.email })
    expect(snapshots.b.login).toEqual({ ok: true, email: staff.email })
    expect(snapshots.c.login).toEqual({ ok: true, email: staff.email })
  })
})
