import path from 'node:path'
import { mkdirSync } from 'node:fs'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from '@/migrations'
import { keepSqliteBusyTimeout, sqliteBusyTimeoutMs } from '@/lib/sqlite-busy'
import { installSqliteTransactions } from '@/lib/sqlite-transactions'
import { installAfterCommit } from '@/lib/after-commit'

export type DatabaseKind = 'sqlite' | 'mongodb'

/** Which database a connection string points at. */
export function databaseKind(uri: string): DatabaseKind {
  return /^mongodb(\+srv)?:\/\//.test(uri) ? 'mongodb' : 'sqlite'
}

/** Whether a MongoDB URI points at a replica set (which transactions need). */
export function usesReplicaSet(uri: string): boolean {
  return uri.startsWith('mongodb+srv://') || /[?&]replicaSet=/.test(uri)
}

/**
 * Picks the Payload database adapter from DATABASE_URI: `file:` is the embedded SQLite database,
 * `mongodb://` is MongoDB. Nothing else in the CMS knows which one is underneath.
 */
export function databaseAdapter(uri: string): DatabaseAdapterObj {
  if (databaseKind(uri) === 'mongodb') {
    return withAfterCommit(mongooseAdapter({
      url: uri,
      // Transactions need a replica set: on for Atlas (mongodb+srv) and URIs naming a replicaSet,
      // off for a standalone server, where MongoDB would refuse them.
      transactionOptions: usesReplicaSet(uri) ? {} : false,
    }))
  }
  const filePath = uri.replace(/^file:/, '')
  if (filePath && filePath !== ':memory:') mkdirSync(path.dirname(filePath), { recursive: true })
  const adapter = sqliteAdapter({
    client: { url: uri },
    migrationDir: path.resolve(path.dirname(new URL(import.meta.url).pathname), '../migrations'),
    // The committed migrations are the schema everywhere (dev, tests, production), so a fresh
    // clone, CI and a production box all build the same tables. `runMigrations` applies them on start.
    prodMigrations: migrations,
    push: false,
    // Wait for another connection's lock instead of failing at once (src/lib/sqlite-busy.ts keeps it
    // on every connection, see keepBusyTimeoutFromConnect below).
    busyTimeout: sqliteBusyTimeoutMs,
    // Every write is all-or-nothing: a document, its version rows and side tables, its hooks'
    // writes, a migration with its record. (Without this option the adapter writes statement by
    // statement.) src/lib/sqlite-transactions.ts makes a failed COMMIT an error and queues this
    // process's transactions.
    transactionOptions: {},
  })
  return withAfterCommit({
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      installSqliteTransactions(db, sqliteWriteQueueTimeoutMs)
      keepBusyTimeoutFromConnect(db)
      return db
    },
  })
}

/**
 * Keeps the busy timeout on every connection from the moment the adapter creates its client, inside
 * `connect`: a production start applies the migrations right there, before onInit, and each
 * migration's transaction left a connection without it, so anything reading the file meanwhile (a
 * backup, a monitoring query, `sqlite3` in a terminal) failed the next migration's COMMIT with
 * SQLITE_BUSY and the CMS did not start.
 */
function keepBusyTimeoutFromConnect(db: object): void {
  let client: unknown = (db as { client?: unknown }).client
  if (client) keepSqliteBusyTimeout(client as Parameters<typeof keepSqliteBusyTimeout>[0])
  Object.defineProperty(db, 'client', {
    configurable: true,
    enumerable: true,
    get: () => client,
    set: (value: unknown) => {
      client = value
      if (value) keepSqliteBusyTimeout(value as Parameters<typeof keepSqliteBusyTimeout>[0])
    },
  })
}

/** How long a write waits for this process's other writes before it is refused as busy (ms). */
export const sqliteWriteQueueTimeoutMs = 30_000

/** Hooks' outside effects (site purge, emails) wait for the commit: src/lib/after-commit.ts. */
function withAfterCommit(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      installAfterCommit(db)
      return db
    },
  }
}
