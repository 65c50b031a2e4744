import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

/**
 * Work that tells the outside world about a write (purging the site's cache, emails) must happen
 * only once the write is committed: a publish that is rolled back must not purge the site (which
 * would fetch and cache the old content anyway, before the commit), nor email anyone. Hooks run
 * inside the write's transaction, so they hand such work to `afterCommit`.
 */
type Work = () => unknown
const pending = new Map<string, Work[]>()
const undo = new Map<string, Work[]>()
const installed = new WeakSet<object>()

/**
 * The transaction's id: Payload keeps a promise of it on the request while the transaction starts
 * (a thenable from another module realm is a promise too). Only a string or number is an id: a
 * database without transactions (a standalone MongoDB) leaves none, and the work then runs at once.
 */
async function idOf(incoming: unknown): Promise<string | undefined> {
  const id: unknown = incoming && typeof (incoming as PromiseLike<unknown>).then === 'function' ? await (incoming as PromiseLike<unknown>) : incoming
  return (typeof id === 'string' && id !== '') || typeof id === 'number' ? String(id) : undefined
}

function runDetached(work: Work[]): void {
  for (const run of work) void Promise.resolve().then(run).catch(() => undefined)
}

async function runAll(work: Work[]): Promise<void> {
  for (const run of work) await Promise.resolve().then(run).catch(() => undefined)
}

/** Wraps the adapter's commit and rollback (call on the adapter its `init` returned). */
export function installAfterCommit(db: BaseDatabaseAdapter): void {
  if (installed.has(db)) return
  installed.add(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (incoming) => {
    const id = await idOf(incoming)
    const work = id ? pending.get(id) : undefined
    const cleanup = id ? undo.get(id) : undefined
    if (id) {
      pending.delete(id)
      undo.delete(id)
    }
    try {
      await commit(incoming)
    } catch (error) {
      if (cleanup) await runAll(cleanup)
      throw error
    }
    if (work) runDetached(work)
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await idOf(incoming)
    const cleanup = id ? undo.get(id) : undefined
    if (id) {
      pending.delete(id)
      undo.delete(id)
    }
    try {
      await rollback(incoming)
    } finally {
      if (cleanup) await runAll(cleanup)
    }
  }
}

/** Runs `work` once the request's transaction commits (at once when there is none); never when it rolls back. */
export async function afterCommit(req: PayloadRequest, work: Work): Promise<void> {
  const id = await idOf(req.transactionID)
  if (!id || !installed.has(req.payload.db)) {
    await work()
    return
  }
  const queue = pending.get(id) ?? []
  queue.push(work)
  pending.set(id, queue)
}

/**
 * Runs `work` if the request's transaction is rolled back (or its commit fails): undoes what a
 * write did outside the database, such as the upload files it wrote. Nothing happens without a
 * transaction.
 */
export async function onRollback(req: PayloadRequest, work: Work): Promise<void> {
  const id = await idOf(req.transactionID)
  if (!id || !installed.has(req.payload.db)) return
  const queue = undo.get(id) ?? []
  queue.push(work)
  undo.set(id, queue)
}
