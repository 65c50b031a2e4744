import type { AfterErrorHook, Config, Payload, PayloadRequest } from 'payload'

/**
 * Log levels for errors that reach Payload's routes (REST, GraphQL, admin endpoints).
 *
 * Payload logs every error whose class it does not know, and every `APIError` whatever its status,
 * at ERROR with a stack trace. A 400 on a redirect or a 403 on a user create is the request's fault,
 * not the CMS's: those are logged here instead, in one line, at info (4xx) or warn (401/403/429):
 * "<status> <method> <path> (<collection>, <user>): <message> [fields: <paths>]". Only 5xx answers
 * are logged at error, with the error, its stack and that context as pino fields. Everything goes
 * through Payload's logger (pino).
 */

/** Payload's error classes (plus a body that is not JSON): their status says whose fault it was. */
const classifiedErrors = [
  'APIError',
  'AuthenticationError',
  'ErrorDeletingFile',
  'FileRetrievalError',
  'FileUploadError',
  'Forbidden',
  'Locked',
  'LockedAuth',
  'MissingFile',
  'NotFound',
  'QueryError',
  'UnverifiedEmail',
  'ValidationError',
] as const

/** The CMS's own error classes (subclasses of APIError carry their class name). */
const ownErrors = ['SyntaxError', 'TooManyAttempts'] as const

/** Payload's own logging of these is switched off; `logRouteError` logs them at the right level. */
export const routeErrorLoggingLevels = Object.fromEntries([...classifiedErrors, ...ownErrors].map((name) => [name, false])) as NonNullable<Config['loggingLevels']>

type Classified = Error & { status?: number; data?: { errors?: { path?: string }[] } | null }

/**
 * Whether this error carries its own HTTP status (Payload's APIError and its subclasses, ours
 * included) or is a body that is not JSON. Decided by shape, not by class name: a production build
 * minifies class names, so Payload's name-keyed `loggingLevels` never match there, and every
 * refusal was logged at ERROR with a stack.
 */
export function hasOwnStatus(error: unknown): error is Classified {
  return error instanceof SyntaxError || (error instanceof Error && typeof (error as Classified).status === 'number')
}

/** The status the client gets for this error (a body that does not parse is answered 400, see client-errors-as-400). */
export function statusOf(error: Classified): number {
  if (error instanceof SyntaxError) return 400
  return typeof error.status === 'number' ? error.status : 500
}

/**
 * Payload's route error logging (`logError`) calls `logger.error({ err })` before the afterError
 * hooks run; for errors with their own status that line is dropped here, and `logRouteError` logs
 * them at the right level. Every other error line (failed jobs, emails, 500s) passes unchanged.
 */
export function leaveRouteRefusalsToHook(payload: Payload): void {
  const logger = payload.logger as unknown as { error: (...args: unknown[]) => void; __routeRefusalsFiltered?: boolean }
  if (logger.__routeRefusalsFiltered) return
  const error = logger.error.bind(logger)
  logger.error = (...args: unknown[]) => {
    const [first] = args
    if (args.length === 1 && first && typeof first === 'object' && Object.keys(first).length === 1 && hasOwnStatus((first as { err?: unknown }).err)) return
    error(...args)
  }
  logger.__routeRefusalsFiltered = true
}

/** One line: no newlines, no stack, bounded. */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function pathOf(req: PayloadRequest): string | undefined {
  try {
    return req.url ? new URL(req.url).pathname : undefined
  } catch {
    return undefined
  }
}

/** Logs a route error at the level its status deserves (see above). Changes nothing in the answer. */
export const logRouteError: AfterErrorHook = ({ collection, error, req }) => {
  if (!hasOwnStatus(error)) return undefined as never // Payload logged it at error, with its stack
  const err = error
  const status = statusOf(err)
  const fields = (err.data?.errors ?? []).map((entry) => entry.path).filter((path): path is string => typeof path === 'string' && path.length > 0)
  const context = {
    status,
    method: req.method,
    path: pathOf(req),
    collection: collection?.slug,
    user: req.user ? `${req.user.collection}:${String(req.user.id)}` : undefined,
    error: err.name,
    ...(fields.length > 0 ? { fields } : {}),
  }
  const message = oneLine(err.message || err.name)
  if (status >= 500) {
    req.payload.logger.error({ ...context, err }, message)
    return undefined as never
  }
  // A refusal: one line (the pretty printer puts object keys on lines of their own, so the context
  // goes into the line itself), no stack.
  const who = [context.collection, context.user].filter(Boolean).join(', ')
  const line = oneLine(
    `${status} ${context.method ?? ''} ${context.path ?? ''}${who ? ` (${who})` : ''}: ${message}${fields.length > 0 ? ` [fields: ${fields.join(', ')}]` : ''}`,
    800,
  )
  if (status === 401 || status === 403 || status === 429) req.payload.logger.warn(line)
  else req.payload.logger.info(line)
  return undefined as never
}
