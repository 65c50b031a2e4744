import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

/**
 * Work that tells the outside world about a write (purging the site's cache, emails) must happen
 * only once the write is committed: a publish that is rolled back must not purge the site (which
 * would fetch and cache the old content anyway, before the commit), nor email anyone. Hooks run
 * inside the write's transaction, so they hand such work to `afterCommit`.
 */
type Work = () => unknown
const pending = new Map<string, Work[]>()
const installed = new WeakSet<object>()

async function idOf(incoming: unknown): Promise<string | undefined> {
  const id = incoming instanceof Promise ? await incoming : incoming
  return id === undefined || id === null || id === '' ? undefined : String(id)
}

function runDetached(work: Work[]): void {
  for (const run of work) void Promise.resolve().then(run).catch(() => undefined)
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
    if (id) pending.delete(id)
    await commit(incoming)
    if (work) runDetached(work)
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await idOf(incoming)
    if (id) pending.delete(id)
    await rollback(incoming)
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
