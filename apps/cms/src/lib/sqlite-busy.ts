/**
 * How long a SQLite statement waits for another connection's lock before giving up (ms). Without it
 * SQLite answers SQLITE_BUSY at once, and a write that meets another writer (a second CMS process
 * on the same file, the job runner, `pnpm seed` while the server runs) became a 500.
 */
export const sqliteBusyTimeoutMs = 5000

interface LibsqlClient {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: 'write' | 'read' | 'deferred') => Promise<unknown>
}

const kept = new WeakSet<object>()

/**
 * Keeps the busy timeout on every connection of a libsql client. The adapter's `busyTimeout` sets it
 * once, on the client's first connection, but libsql hands that connection to the first transaction
 * and opens a fresh one (without the pragma) for what follows; Payload writes in transactions, so
 * after the first write nothing waited any more. Each transaction now sets it on the connection
 * that replaces the one it took.
 */
export function keepSqliteBusyTimeout(client: LibsqlClient, ms: number = sqliteBusyTimeoutMs): void {
  if (kept.has(client)) return
  kept.add(client)
  const begin = client.transaction.bind(client)
  client.transaction = async (mode) => {
    const transaction = await begin(mode)
    await client.execute(`PRAGMA busy_timeout = ${ms}`)
    return transaction
  }
}
