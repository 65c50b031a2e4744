import { access, constants, statfs } from 'node:fs/promises'
import { FileUploadError, type AfterErrorHook, type Payload } from 'payload'
import { env } from '@/env'

/**
 * A database that cannot take a write (a full or read-only disk, a file it cannot open, an I/O
 * error, a MongoDB server that is unreachable or no longer primary, a lock held too long) is not the
 * editor's mistake and not a bug: it answers 503 with `Retry-After` and says what happened, where
 * Payload would answer "Something went wrong." with a 500. The write was rolled back whole.
 */
export interface DatabaseFault {
  reason: string
  retryAfterSeconds: number
}

const sqliteFaults: [RegExp, string][] = [
  [/SQLITE_FULL|database or disk is full/i, 'the database disk is full'],
  [/SQLITE_READONLY|attempt to write a readonly database|read-only file system/i, 'the database is read-only (its file or folder cannot be written)'],
  [/SQLITE_CANTOPEN|unable to open database file/i, 'the database file cannot be opened'],
  [/SQLITE_IOERR|disk I\/O error/i, 'the database disk reported an input/output error'],
  [/SQLITE_BUSY|database is locked/i, 'the database is busy with other writes'],
  [/ENOSPC/, 'the disk is full'],
  [/EROFS/, 'the disk is read-only'],
]

const mongoNames =
  /^(Mongo(Network|NetworkTimeout|ServerSelection|NotPrimary|NotConnected|TopologyClosed|PoolCleared|PoolClosed|ServerClosed|ClientClosed|WaitQueueTimeout|OperationTimeout|StalePrimary|WriteConcern)Error|PoolClearedOnNetworkError|MongooseServerSelectionError)$/
const mongoMessages = /not primary|not master|connection .* closed|ECONNREFUSED|Server selection timed out|Client must be connected|topology was destroyed|buffering timed out/i

function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    yield current as Record<string, unknown>
    current = (current as { cause?: unknown }).cause
  }
}

/** What went wrong with the database, when `error` is a database fault; undefined otherwise. */
export function databaseFault(error: unknown): DatabaseFault | undefined {
  for (const e of causes(error)) {
    const text = [e.code, e.rawCode, e.name, e.message].filter((v) => typeof v === 'string').join(' ')
    for (const [pattern, reason] of sqliteFaults) {
      if (pattern.test(text)) return { reason, retryAfterSeconds: /busy/.test(reason) ? 5 : 60 }
    }
    if ((typeof e.name === 'string' && mongoNames.test(e.name)) || (typeof e.message === 'string' && mongoMessages.test(e.message))) {
      return { reason: 'the database server cannot be reached', retryAfterSeconds: 30 }
    }
  }
  return undefined
}

/** The message a person sees (the admin shows it in its error notice and keeps the form as it was). */
export function databaseFaultMessage(fault: DatabaseFault, signingIn = false): string {
  if (signingIn) return `Signing in could not be recorded: ${fault.reason}. Try again in a minute; if this keeps happening, tell whoever runs the server.`
  return `The change was not saved: ${fault.reason}. Nothing was written; your edit is still in the form. Try again in a minute; if this keeps happening, tell whoever runs the server.`
}

/**
 * Payload reports any failure to write an upload as "There was a problem while uploading the file."
 * (400) and drops the cause; the upload folder says whether it is full or read-only.
 */
async function uploadFolderFault(): Promise<DatabaseFault | undefined> {
  if (env.s3) return undefined
  const writable = await access(env.mediaDir, constants.W_OK).then(
    () => true,
    () => false,
  )
  if (!writable) return { reason: 'the upload folder is read-only', retryAfterSeconds: 60 }
  const stats = await statfs(env.mediaDir).catch(() => undefined)
  if (stats && stats.bavail * stats.bsize < 1024 * 1024) return { reason: "the upload folder's disk is full", retryAfterSeconds: 60 }
  return undefined
}

const pathOf = (url: string | undefined) => {
  try {
    return new URL(url ?? '', 'http://cms').pathname
  } catch {
    return ''
  }
}

/** How long the look-up of a refusal's cause may take. */
export const unreachableProbeTimeoutMs = 3000

/**
 * Asks the database one small question (a one-row read of the accounts, every access check off:
 * it cannot be refused) and says what is wrong when it fails or gets no answer in time.
 *
 * Payload's sign-in strategies swallow every error: when the database cannot be reached, the
 * look-up of a signed-in editor's account fails, the request runs as anonymous, and the editor is
 * told "You are not allowed to perform this action." (403) as if their role had changed. So a
 * request that carried a sign-in but resolved to no user asks this first (request-guard); a stale or
 * forged token probes once and is then refused as before.
 */
export async function databaseUnreachable(payload: Payload, status: number | string = 'a refusal'): Promise<DatabaseFault | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), unreachableProbeTimeoutMs)
  })
  try {
    const answer = await Promise.race([
      payload.find({ collection: 'users', depth: 0, limit: 1, pagination: false, overrideAccess: true, select: { id: true } }).then(() => 'ok' as const),
      timedOut,
    ])
    if (answer === 'ok') return undefined
    payload.logger.warn(`A signed-in request found no account, and the database did not answer within ${unreachableProbeTimeoutMs / 1000} s: answered 503, not ${String(status)}.`)
    return { reason: 'the database server cannot be reached', retryAfterSeconds: 30 }
  } catch (probeError) {
    const fault = databaseFault(probeError) ?? {
      reason: /^mongodb(\+srv)?:\/\//.test(env.databaseUri) ? 'the database server cannot be reached' : 'the database cannot be read',
      retryAfterSeconds: 30,
    }
    const detail = probeError instanceof Error ? `${probeError.name}: ${probeError.message}` : String(probeError)
    payload.logger.warn(`A signed-in request found no account, and the database failed (${detail.split('\n')[0]!.slice(0, 160)}): answered 503, not ${String(status)}.`)
    return fault
  } finally {
    clearTimeout(timer)
  }
}

export const databaseFaultsAs503: AfterErrorHook = async ({ error, req }) => {
  const fault = databaseFault(error) ?? (error instanceof FileUploadError ? await uploadFolderFault() : undefined)
  if (!fault) return undefined as never
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(fault.retryAfterSeconds))
  req.responseHeaders = headers
  return {
    status: 503,
    response: { errors: [{ name: 'DatabaseUnavailable', message: databaseFaultMessage(fault, /\/(login|refresh-token|logout)$/.test(pathOf(req.url))) }] },
  }
}
