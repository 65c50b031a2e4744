/**
 * Fails when the Payload config describes a database schema that the committed SQLite
 * migrations do not produce, i.e. the config changed without `pnpm migrate:create`.
 * Run with `payload run scripts/check-migrations.ts`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<{ version: string }>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
  upSnapshot?: (snapshot: unknown) => unknown
}

// The check needs the config's schema, not anyone's data: boot on a throwaway SQLite file.
const scratch = mkdtempSync(path.join(tmpdir(), 'clinic-migrations-'))
process.env.DATABASE_URI = `file:${path.join(scratch, 'check.db')}`
process.env.SEED_ON_START = 'false'
const [{ default: config }, { getPayload }] = await Promise.all([import('@payload-config'), import('payload')])
const payload = await getPayload({ config })
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))
const db = payload.db as unknown as { migrationDir: string; schema: unknown; requireDrizzleKit: () => DrizzleKit }
const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
const latest = readdirSync(db.migrationDir).filter((file) => file.endsWith('.json')).sort().at(-1)
if (!latest) {
  console.error('No migration snapshot found in src/migrations: run `pnpm --filter @clinic/cms migrate:create initial`.')
  process.exit(1)
}
const before: unknown = JSON.parse(readFileSync(path.join(db.migrationDir, latest), 'utf8'))
const after = await generateDrizzleJson(db.schema)
const statements = await generateMigration(before, after)
if (statements.length > 0) {
  console.error(
    `The CMS config changed the database schema, but no migration records it (${statements.length} statements, e.g.\n  ${statements
      .slice(0, 3)
      .join('\n  ')}).\nRun \`pnpm --filter @clinic/cms migrate:create <name>\` and commit the new files in src/migrations.`,
  )
  process.exit(1)
}
console.log(`Migrations are up to date with the config (latest: ${latest.replace(/\.json$/, '')}).`)
process.exit(0)
