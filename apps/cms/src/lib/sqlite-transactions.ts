import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type { BaseDatabaseAdapter } from 'payload'

/**
 * Transactions for the SQLite adapter that (1) report a failed COMMIT and (2) take the write lock one
 * at a time inside this process.
 *
 * (1) Payload's own `beginTransaction` for drizzle swallows an error from COMMIT: a write that the
 * disk refused (SQLITE_FULL, SQLITE_IOERR) at commit was rolled back by SQLite but answered 200.
 * Here `commitTransaction` throws it, so the operation fails and says so.
 *
 * (2) libsql runs each transaction on a connection of its own and executes statements synchronously.
 * A second `BEGIN IMMEDIATE` while another transaction of this process holds the lock would wait
 * (busy timeout) with the event loop blocked, so the first transaction could never finish and both
 * failed with "database is locked". Transactions of one process queue here instead; other processes
 * (the job runner, `pnpm seed`, a second CMS) still meet the busy timeout.
 */

interface Session {
  db: unknown
  resolve: () => Promise<void>
  reject: () => Promise<void>
}

interface DrizzleLike {
  transaction: (run: (tx: unknown) => Promise<void>) => Promise<void>
}

type SqliteAdapter = BaseDatabaseAdapter & {
  drizzle: DrizzleLike
  initializing: Promise<void>
  sessions: Record<string, Session>
}

/** An error with SQLite's code, as libsql raises it, for a write that waited too long. */
export class SqliteBusyError extends Error {
  code = 'SQLITE_BUSY'
  constructor(waitedMs: number) {
    super(`database is locked: another write of this server held it for more than ${waitedMs} ms`)
  }
}

class WriteLock {
  private held = false
  private waiters: (() => void)[] = []

  acquire(timeoutMs: number): Promise<void> {
    if (!this.held) {
      this.held = true
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter)
        reject(new SqliteBusyError(timeoutMs))
      }, timeoutMs)
      this.waiters.push(waiter)
    })
  }

  release(): void {
    const next = this.waiters.shift()
    if (next) next()
    else this.held = false
  }
}

/** The database adapter's methods that write (on SQLite each runs as autocommit statements without a transaction). */
export const adapterWriteMethods = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/** Replaces the adapter's transaction methods (call on the adapter its `init` returned). */
export function installSqliteTransactions(adapter: BaseDatabaseAdapter, lockTimeoutMs: number): void {
  const lock = new WriteLock()
  const db = adapter as SqliteAdapter

  db.beginTransaction = async function beginTransaction() {
    await db.initializing
    await lock.acquire(lockTimeoutMs)
    let released = false
    const release = () => {
      if (released) return
      released = true
      lock.release()
    }
    try {
      let finish!: () => void
      let abort!: (error: Error) => void
      let ready!: (tx: unknown) => void
      let failed!: (error: unknown) => void
      const started = new Promise<unknown>((resolve, reject) => {
        ready = resolve
        failed = reject
      })
      // Settles with the error of BEGIN, of the work, of COMMIT or of ROLLBACK; undefined when committed.
      const done: Promise<unknown> = db.drizzle
        .transaction(async (tx) => {
          await new Promise<void>((resolve, reject) => {
            finish = resolve
            abort = reject
            ready(tx)
          })
        })
        .then(
          () => undefined,
          (error: unknown) => error ?? new Error('The transaction failed.'),
        )
      void done.then((error) => error && failed(error))
      const tx = await started
      const id = randomUUID()
      db.sessions[id] = {
        db: tx,
        resolve: async () => {
          finish()
          const error = await done
          release()
          if (error) throw error
        },
        reject: async () => {
          abort(new Error('Rolled back.'))
          await done
          release()
        },
      }
      return id
    } catch (error) {
      release()
      throw error
    }
  }

  // (3) A write outside any transaction (Payload's job-queue bookkeeping, a Local API call with
  // `disableTransaction`, bulk writes of the seed) takes the same lock: on its own autocommit it would
  // wait for the busy timeout with the event loop blocked while a queued transaction holds the file,
  // so neither could finish ("database is locked", then every queued write refused as busy).
  // Re-entrant: an adapter write that calls another one while holding the lock goes straight on.
  const holding = new AsyncLocalStorage<true>()
  const adapterMethods = db as unknown as Record<string, unknown>
  for (const name of adapterWriteMethods) {
    const original = adapterMethods[name]
    if (typeof original !== 'function') continue
    adapterMethods[name] = async function lockedWrite(this: unknown, ...args: unknown[]) {
      const incoming = (args[0] as { req?: { transactionID?: unknown } } | undefined)?.req?.transactionID
      const id = incoming && typeof (incoming as PromiseLike<unknown>).then === 'function' ? await (incoming as PromiseLike<unknown>) : incoming
      const inTransaction = (typeof id === 'string' || typeof id === 'number') && Boolean(db.sessions[String(id)])
      if (inTransaction || holding.getStore()) return (original as (...a: unknown[]) => unknown).apply(this, args)
      await lock.acquire(lockTimeoutMs)
      try {
        return await holding.run(true, () => (original as (...a: unknown[]) => unknown).apply(this, args))
      } finally {
        lock.release()
      }
    }
  }

  db.commitTransaction = async function commitTransaction(incoming) {
    const id = incoming instanceof Promise ? await incoming : incoming
    const session = id ? db.sessions[String(id)] : undefined
    if (!session) return
    delete db.sessions[String(id)]
    await session.resolve()
  }

  db.rollbackTransaction = async function rollbackTransaction(incoming) {
    const id = incoming instanceof Promise ? await incoming : incoming
    const session = id ? db.sessions[String(id)] : undefined
    if (!session) return
    delete db.sessions[String(id)]
    await session.reject()
  }
}
