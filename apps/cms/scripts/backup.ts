/**
 * Backup and restore of the CMS: the database and the uploaded images, with a manifest of counts
 * and SHA-256 hashes. README, "Production" → "Backup and restore".
 *
 *   pnpm db:backup [folder]             a consistent snapshot while the CMS runs and writes
 *   pnpm db:restore <folder> [--force]  into DATABASE_URI and MEDIA_DIR, with the CMS stopped
 *
 * SQLite: the snapshot is SQLite's own `VACUUM INTO` (one read transaction: every write before it,
 * none after, never half of one), then the files of MEDIA_DIR. MongoDB: the database is written in
 * db:export's format (database.json) and restored with db:import (which gives documents new ids);
 * `mongodump`/`mongorestore` are the tools for a byte-for-byte copy. Uploads on S3 are not copied:
 * version the bucket (README).
 */
import { createHash } from 'node:crypto'
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const databaseUri = process.env.DATABASE_URI ?? `file:${path.join(appRoot, 'data', 'clinic.db')}`
const mediaDir = process.env.MEDIA_DIR ? path.resolve(process.env.MEDIA_DIR) : path.join(appRoot, 'media')
const isMongo = /^mongodb(\+srv)?:\/\//.test(databaseUri)
export const backupFormat = 'clinic-cms-backup'

export interface Manifest {
  format: typeof backupFormat
  version: 1
  createdAt: string
  database: { kind: 'sqlite' | 'mongodb'; file: string; bytes: number; sha256: string }
  /** SQLite: rows per table (documents, versions, relations); MongoDB: documents and versions per collection. */
  counts: Record<string, number>
  media: { storage: 'disk' | 's3'; files: Array<{ path: string; bytes: number; sha256: string }> }
}

class BackupError extends Error {}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}

/** Every file below `dir`, as paths relative to it, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(dir, relative))
    else if (entry.isFile()) out.push(relative)
  }
  return out.sort()
}

const sqlitePath = (uri: string) => uri.replace(/^file:/, '')
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

async function sqliteCounts(file: string): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    const counts: Record<string, number> = {}
    for (const row of tables.rows) {
      const name = String(row.name)
      counts[name] = Number((await client.execute(`SELECT count(*) AS n FROM ${quote(name)}`)).rows[0]!.n)
    }
    return counts
  } finally {
    client.close()
  }
}

function describeTarget(): string {
  if (!isMongo) return `SQLite ${sqlitePath(databaseUri)}`
  const url = new URL(databaseUri)
  return `MongoDB ${url.host}${url.pathname}`
}

async function withPayload<T>(work: (payload: import('payload').Payload) => Promise<T>): Promise<T> {
  process.env.SEED_ON_START = 'false'
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  try {
    return await work(payload)
  } finally {
    await payload.destroy?.()
  }
}

async function backup(folder: string): Promise<void> {
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new BackupError(`${folder} is not empty: give a new folder for the backup.`)
  mkdirSync(path.join(folder, 'media'), { recursive: true })
  const started = Date.now()
  let database: Manifest['database']
  let counts: Record<string, number>
  if (!isMongo) {
    const source = sqlitePath(databaseUri)
    if (!existsSync(source)) throw new BackupError(`There is no database at ${source} (DATABASE_URI).`)
    const target = path.join(folder, 'database.sqlite')
    const client = createClient({ url: databaseUri })
    try {
      // Waits for a writer's lock rather than failing; the CMS's own writes wait for the snapshot's
      // read (a few milliseconds per MB) the same way.
      await client.execute('PRAGMA busy_timeout = 30000')
      await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
    } finally {
      client.close()
    }
    const check = createClient({ url: `file:${target}` })
    try {
      const integrity = String((await check.execute('PRAGMA integrity_check')).rows[0]![0])
      if (integrity !== 'ok') throw new BackupError(`The snapshot failed SQLite's integrity check: ${integrity}`)
    } finally {
      check.close()
    }
    counts = await sqliteCounts(target)
    database = { kind: 'sqlite', file: 'database.sqlite', bytes: statSync(target).size, sha256: await sha256(target) }
  } else {
    const { exportDatabase } = await import('@/lib/transfer')
    const dump = await withPayload((payload) => exportDatabase(payload))
    const target = path.join(folder, 'database.json')
    writeFileSync(target, JSON.stringify(dump) + '\n')
    counts = {}
    for (const { slug, docs, versions } of dump.collections) {
      counts[slug] = docs.length
      if (versions) counts[`${slug} versions`] = versions.length
    }
    for (const { slug, doc, versions } of dump.globals) {
      counts[`global ${slug}`] = doc ? 1 : 0
      if (versions) counts[`global ${slug} versions`] = versions.length
    }
    database = { kind: 'mongodb', file: 'database.json', bytes: statSync(target).size, sha256: await sha256(target) }
  }
  // Media after the database: every file the snapshot names was uploaded before it and is copied
  // (a file uploaded since is copied too, harmlessly).
  const storage = process.env.S3_BUCKET ? 's3' : 'disk'
  const files: Manifest['media']['files'] = []
  if (storage === 'disk') {
    for (const relative of listFiles(mediaDir)) {
      const target = path.join(folder, 'media', relative)
      mkdirSync(path.dirname(target), { recursive: true })
      copyFileSync(path.join(mediaDir, relative), target)
      files.push({ path: relative, bytes: statSync(target).size, sha256: await sha256(target) })
    }
  }
  const manifest: Manifest = { format: backupFormat, version: 1, createdAt: new Date().toISOString(), database, counts, media: { storage, files } }
  writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n')
  const rows = Object.values(counts).reduce((a, b) => a + b, 0)
  console.log(`Backed up ${describeTarget()} to ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s:`)
  console.log(`  database: ${database.file}, ${database.bytes} bytes, ${Object.keys(counts).length} ${isMongo ? 'collections' : 'tables'}, ${rows} ${isMongo ? 'documents' : 'rows'}`)
  console.log(`  media: ${storage === 's3' ? 'on S3, not copied (version the bucket; README)' : `${files.length} files, ${files.reduce((a, f) => a + f.bytes, 0)} bytes`}`)
  console.log(`  manifest.json: counts and SHA-256 of every file. Restore with: pnpm --filter @clinic/cms db:restore ${folder}`)
}

async function verify(folder: string): Promise<Manifest> {
  const manifestFile = path.join(folder, 'manifest.json')
  if (!existsSync(manifestFile)) throw new BackupError(`${folder} has no manifest.json: it is not a backup made by db:backup.`)
  let manifest: Manifest
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  } catch (error) {
    throw new BackupError(`${manifestFile} is not valid JSON (${(error as Error).message}).`)
  }
  if (manifest.format !== backupFormat || manifest.version !== 1) throw new BackupError(`${manifestFile} is not a db:backup manifest (format ${String(manifest.format)}).`)
  const problems: string[] = []
  const expect = async (relative: string, sha: string, bytes: number) => {
    const file = path.join(folder, relative)
    if (!existsSync(file)) return problems.push(`${relative} is missing`)
    if (statSync(file).size !== bytes) return problems.push(`${relative} has ${statSync(file).size} bytes, the manifest says ${bytes}`)
    if ((await sha256(file)) !== sha) problems.push(`${relative} does not match its SHA-256 in the manifest`)
  }
  await expect(manifest.database.file, manifest.database.sha256, manifest.database.bytes)
  for (const file of manifest.media.files) await expect(path.join('media', file.path), file.sha256, file.bytes)
  if (problems.length > 0) throw new BackupError(`The backup in ${folder} is damaged; nothing was restored:\n  ${problems.join('\n  ')}`)
  const kind = isMongo ? 'mongodb' : 'sqlite'
  if (manifest.database.kind !== kind) {
    throw new BackupError(`This backup is of a ${manifest.database.kind} database and DATABASE_URI names ${kind}: restore it into a ${manifest.database.kind} database (or move with db:export/db:import).`)
  }
  return manifest
}

async function restore(folder: string, force: boolean): Promise<void> {
  const manifest = await verify(folder)
  const mediaHere = listFiles(mediaDir)
  const forceHint = 'Restore into an empty database and upload folder, or add --force to replace what is there (the old database file is kept beside it).'
  if (!isMongo) {
    const target = sqlitePath(databaseUri)
    const existing = existsSync(target) && statSync(target).size > 0 ? await sqliteCounts(target) : {}
    const rows = Object.entries(existing).filter(([table, n]) => n > 0 && table !== 'payload_migrations')
    if (!force && (rows.length > 0 || mediaHere.length > 0)) {
      throw new BackupError(`${describeTarget()} or ${mediaDir} is not empty (${rows.length} tables with rows, ${mediaHere.length} files). ${forceHint}`)
    }
    mkdirSync(path.dirname(target), { recursive: true })
    const temporary = `${target}.restoring-${process.pid}`
    copyFileSync(path.join(folder, manifest.database.file), temporary)
    const restoredCounts = await sqliteCounts(temporary)
    const differ = Object.keys(manifest.counts).filter((table) => restoredCounts[table] !== manifest.counts[table])
    if (differ.length > 0) {
      rmSync(temporary, { force: true })
      throw new BackupError(`The database copy does not have the manifest's counts (${differ.join(', ')}); nothing was restored.`)
    }
    if (existsSync(target)) renameSync(target, `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
    renameSync(temporary, target)
  } else {
    const { importDatabase, TargetNotEmptyError } = await import('@/lib/transfer')
    const dump = JSON.parse(readFileSync(path.join(folder, manifest.database.file), 'utf8')) as unknown
    if (!force && mediaHere.length > 0) throw new BackupError(`${mediaDir} is not empty (${mediaHere.length} files). ${forceHint}`)
    try {
      await withPayload((payload) => importDatabase(payload, dump))
    } catch (error) {
      if (error instanceof TargetNotEmptyError) throw new BackupError(`${error.message} (On MongoDB, drop the database first: db:restore never deletes documents there.)`)
      throw error
    }
  }
  mkdirSync(mediaDir, { recursive: true })
  for (const file of manifest.media.files) {
    const target = path.join(mediaDir, file.path)
    mkdirSync(path.dirname(target), { recursive: true })
    copyFileSync(path.join(folder, 'media', file.path), target)
  }
  const extra = listFiles(mediaDir).filter((file) => !manifest.media.files.some((entry) => entry.path === file))
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0)
  console.log(`Restored the backup of ${manifest.createdAt} from ${folder}, every file checked against its SHA-256:`)
  console.log(`  database: ${describeTarget()}, ${Object.keys(manifest.counts).length} ${isMongo ? 'collections' : 'tables'}, ${rows} ${isMongo ? 'documents' : 'rows'}`)
  for (const [name, n] of Object.entries(manifest.counts)) if (n > 0 && !name.includes('_rels') && !name.includes('_locales')) console.log(`    ${name}: ${n}`)
  console.log(`  media: ${manifest.media.files.length} files into ${mediaDir}${extra.length ? ` (${extra.length} files already there and not in the backup were left)` : ''}`)
  if (manifest.media.storage === 's3') console.log('  media on S3 were not in this backup: restore the bucket (a version of it) from the same time.')
  console.log('Start the CMS: it applies any newer migrations at start.')
}

const [command, ...args] = process.argv.slice(2)
const force = args.includes('--force')
const folderArg = args.find((arg) => !arg.startsWith('--'))
try {
  if (command === 'backup') {
    await backup(path.resolve(folderArg ?? path.join(appRoot, 'backups', new Date().toISOString().replace(/[:.]/g, '-'))))
  } else if (command === 'restore' && folderArg) {
    await restore(path.resolve(folderArg), force)
  } else {
    console.error('Usage: pnpm db:backup [folder] | pnpm db:restore <folder> [--force]')
    process.exit(2)
  }
} catch (error) {
  if (error instanceof BackupError) console.error(error.message)
  else console.error(`The ${command} failed: ${(error as Error).message}`)
  process.exit(1)
}
process.exit(0)
