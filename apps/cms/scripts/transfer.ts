/**
 * Moves all content from one database to another (e.g. the embedded SQLite file to MongoDB).
 *
 *   pnpm db:export <file.json>   (node scripts/run-ts.mjs scripts/transfer.ts export <file.json>)
 *   pnpm db:import <file.json>   (node scripts/run-ts.mjs scripts/transfer.ts import <file.json>)
 *
 * Both work on the database DATABASE_URI names. Export writes every document (drafts included),
 * every version and every global to one JSON file; import writes it into an EMPTY database, which
 * assigns new ids, and rewrites every reference to them. Media files are not moved: copy the
 * upload folder yourself. See src/lib/transfer for the details.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const [command, file] = process.argv.slice(2)
if ((command !== 'export' && command !== 'import') || !file) {
  console.error('Usage: pnpm db:export <file.json> | pnpm db:import <file.json>')
  process.exit(2)
}
const filePath = path.resolve(file)

/** The database in words, without any password a MongoDB URI may carry. */
function describeDatabase(uri: string): string {
  if (databaseKind(uri) === 'sqlite') return `SQLite ${uri.replace(/^file:/, '')}`
  const url = new URL(uri)
  return `MongoDB ${url.host}${url.pathname}`
}

function table(rows: Array<[string, ...Array<string | number>]>, headings: string[]): string {
  const all = [headings, ...rows.map((row) => row.map(String))]
  const widths = headings.map((_, column) => Math.max(...all.map((row) => row[column]!.length)))
  return all
    .map((row) => '  ' + row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd())
    .join('\n')
}

/** The first line of an error's message: what a person reads, without the stack. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]!.replace(/\.$/, '')
}

// Loaded after the guard above is in place (see there).
const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
const { env } = await import('@/env')
const { databaseKind } = await import('@/lib/database')
const { exportDatabase, ImportFailedError, importDatabase, mediaFilesNote, TargetNotEmptyError } = await import('@/lib/transfer')
type TransferDump = import('@/lib/transfer').TransferDump

const payload = await getPayload({ config })
const database = describeDatabase(env.databaseUri)

try {
  if (command === 'export') {
    console.log(`Exporting ${database} (${payload.db.name}) to ${filePath}`)
    const dump = await exportDatabase(payload)
    writeFileSync(filePath, JSON.stringify(dump, null, 1) + '\n')
    const rows = dump.collections.map(({ slug, docs, versions, note }): [string, ...Array<string | number>] => [
      slug,
      docs.length,
      versions ? versions.length : '-',
      note ?? '',
    ])
    console.log(table(rows, ['collection', 'documents', 'versions', '']))
    console.log(
      table(
        dump.globals.map(({ slug, doc, versions }): [string, ...Array<string | number>] => [slug, doc ? 'yes' : 'never saved', versions ? versions.length : '-']),
        ['global', 'saved', 'versions'],
      ),
    )
    console.log(['Left out (not content):', ...Object.entries(dump.skippedCollections).map(([slug, why]) => `  ${slug}: ${why}`)].join('\n'))
    console.log(`${mediaFilesNote}\nThis database's upload folder: ${env.mediaDir}`)
    console.log(`Export done: ${filePath}`)
  } else {
    let dump: TransferDump
    try {
      dump = JSON.parse(readFileSync(filePath, 'utf8')) as TransferDump
    } catch (error) {
      throw new Error(
        `${filePath} cannot be read as a transfer file (${firstLine(error)}): it may be truncated or corrupt. Export it again.`,
      )
    }
    console.log(`Importing ${filePath} (exported ${dump.exportedAt ?? '?'} from ${dump.source?.adapter ?? '?'}) into ${database} (${payload.db.name})`)
    const report = await importDatabase(payload, dump, { log: (line) => console.log(`  ${line}`) })
    const versioned = new Set(dump.collections.filter(({ versions }) => versions).map(({ slug }) => slug))
    const rows = Object.entries(report.collections).map(([slug, counts]): [string, ...Array<string | number>] => [
      slug,
      counts.docs,
      versioned.has(slug) ? counts.versions : '-',
      counts.secondPass,
    ])
    console.log(table(rows, ['collection', 'documents', 'versions', 'completed in pass 2']))
    console.log(
      table(
        Object.entries(report.globals).map(([slug, { saved, versions }]): [string, ...Array<string | number>] => [
          slug,
          saved ? 'yes' : 'no',
          dump.globals.find((global) => global.slug === slug)?.versions ? versions : '-',
        ]),
        ['global', 'saved', 'versions'],
      ),
    )
    if (!report.transactional) {
      console.log('Note: the import ran without a transaction (this adapter has them off); had it failed half-way, the target would need emptying before a new try.')
    }
    for (const warning of report.warnings) console.log(`Warning: ${warning}`)
    for (const dropped of report.dropped) {
      console.log(`Warning: ${dropped.in}: ${dropped.path} pointed at ${dropped.collection} ${String(dropped.id)}, which the source did not have; cleared`)
    }
    console.log(`${mediaFilesNote}\nThis database's upload folder: ${env.mediaDir}`)
    console.log('Import done.')
  }
} catch (error) {
  if (error instanceof TargetNotEmptyError) console.error(error.message)
  else if (command === 'import') {
    // One line, no stack trace: which document, which field, why (src/lib/transfer/errors.ts).
    const rolledBack = !(error instanceof ImportFailedError) || error.rolledBack
    console.error(
      `The import failed: ${firstLine(error)}. ${rolledBack ? 'Nothing was imported: the database is as it was before.' : 'The target may hold part of the file: empty it before trying again.'}`,
    )
  } else console.error(`The ${command} failed: ${firstLine(error)}`)
  process.exit(1)
}

process.exit(0)
