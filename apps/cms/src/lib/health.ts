import configPromise from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { env } from '@/env'
import { databaseKind } from '@/lib/database'
import { migrations } from '@/migrations'
import { applySecurityHeaders } from '@/lib/security-headers'

/**
 * Health and readiness for a load balancer, systemd or an orchestrator (README, "Health checks").
 * `/api/health`: the process answers. `/api/health/ready`: the database answers a read and a
 * write, and every committed migration is applied. Bodies name what failed, never a secret; never
 * cached; one count, one small select and one one-row write per call.
 */

export type CheckState = 'ok' | 'failed'
export interface Readiness {
  status: 'ok' | 'down'
  checks: { database: { read: CheckState; write: CheckState; kind: string }; migrations: { state: 'current' | 'pending' | 'not used' | 'unknown'; pending?: string[] } }
  problems: string[]
}

const probeTimeoutMs = 3000

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${probeTimeoutMs / 1000} s`)), probeTimeoutMs)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** A short reason without paths, SQL or stack: enough for an operator to know where to look. */
function reason(error: unknown): string {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error)
  if (/READONLY|readonly|EROFS|EACCES|read-only/i.test(text)) return 'the database is read-only (check the folder’s permissions and the disk)'
  if (/FULL|ENOSPC|disk is full/i.test(text)) return 'the disk is full'
  if (/BUSY|locked/i.test(text)) return 'the database is locked by another process'
  if (/did not answer/.test(text)) return text.trim().split('\n')[0]!.slice(0, 200)
  if (/ECONNREFUSED|ENOTFOUND|ServerSelection|topology|connect/i.test(text)) return 'the database server cannot be reached'
  return 'the database answered with an error'
}

async function probeWrite(payload: Payload): Promise<void> {
  if (databaseKind(env.databaseUri) === 'sqlite') {
    // A real one-row write that changes nothing: needs the file writable, a lock, and room for
    // the journal, exactly what a save needs.
    const db = payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }
    await db.client.execute('UPDATE payload_migrations SET updated_at = updated_at WHERE id = (SELECT max(id) FROM payload_migrations)')
    return
  }
  const db = payload.db as unknown as { connection: { db: { collection: (name: string) => { updateOne: (...args: unknown[]) => Promise<unknown> } } } }
  await db.connection.db.collection('payload-health').updateOne({ _id: 'probe' }, { $set: { at: new Date() } }, { upsert: true })
}

export async function readiness(): Promise<Readiness> {
  const kind = databaseKind(env.databaseUri)
  const result: Readiness = {
    status: 'ok',
    checks: { database: { read: 'failed', write: 'failed', kind }, migrations: { state: 'unknown' } },
    problems: [],
  }
  let payload: Payload
  try {
    payload = await withTimeout(getPayload({ config: configPromise }), 'The CMS')
  } catch (error) {
    result.status = 'down'
    result.problems.push(`The CMS could not start its database connection: ${reason(error)}.`)
    return result
  }
  try {
    await withTimeout(payload.count({ collection: 'users', overrideAccess: true }), 'The database')
    result.checks.database.read = 'ok'
  } catch (error) {
    result.problems.push(`Database read failed: ${reason(error)}.`)
  }
  try {
    await withTimeout(probeWrite(payload), 'The database')
    result.checks.database.write = 'ok'
  } catch (error) {
    result.problems.push(`Database write failed: ${reason(error)}.`)
  }
  if (kind === 'sqlite') {
    try {
      const applied = await withTimeout(
        payload.find({ collection: 'payload-migrations', limit: 1000, pagination: false, overrideAccess: true, depth: 0 }),
        'The database',
      )
      const names = new Set(applied.docs.map((doc) => String((doc as { name?: unknown }).name)))
      const pending = migrations.map((migration) => migration.name).filter((name) => !names.has(name))
      result.checks.migrations = pending.length === 0 ? { state: 'current' } : { state: 'pending', pending }
      if (pending.length > 0) result.problems.push(`Migrations not applied: ${pending.join(', ')}. Restart the CMS to apply them (production applies them on start).`)
    } catch (error) {
      result.problems.push(`Could not read the applied migrations: ${reason(error)}.`)
    }
  } else {
    result.checks.migrations = { state: 'not used' }
  }
  if (result.problems.length > 0) result.status = 'down'
  return result
}

export function healthResponse(body: unknown, status: number): Response {
  const headers = applySecurityHeaders(new Headers(), 'api')
  headers.set('cache-control', 'no-store')
  return Response.json(body, { status, headers })
}
