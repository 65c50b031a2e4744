import { stat } from 'node:fs/promises'
import path from 'node:path'
import configPromise from '@payload-config'
import { executeAuthStrategies, getPayload, type Payload, type SanitizedConfig, type TypedUser } from 'payload'
import busboy from 'busboy'
import { stringify } from 'qs-esm'
import { userIsStaff } from '@/access'
import { maxUploadBytes } from '@/collections/Media/limits'
import { applySecurityHeaders } from '@/lib/security-headers'
import { databaseFault, databaseFaultMessage, databaseUnreachable, type DatabaseFault } from '@/hooks/database-faults'
import { checkRequest, type Problem } from './check-request'
import { bodyLimits, readBodyWithin } from './body'
import { anonymousWriteDenied } from './anonymous-writes'

/**
 * Payload answers a request for an upload that is not on disk with a 500 ("missing on the disk");
 * to a visitor that is simply a file that does not exist, so it gets a 404 here.
 */
async function isMissingUpload(config: SanitizedConfig, method: string, apiPath: string): Promise<boolean> {
  const match = /^\/([^/]+)\/file\/([^/]+)$/.exec(apiPath)
  if (method !== 'GET' || !match) return false
  const upload = config.collections.find((collection) => collection.slug === match[1])?.upload
  // Uploads kept elsewhere (S3 storage sets disableLocalStorage) are answered by their own handler.
  if (!upload || typeof upload !== 'object' || !upload.staticDir || upload.disableLocalStorage) return false
  const dir = path.resolve(upload.staticDir)
  const name = decodeURIComponent(match[2]!)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return true
  const file = path.resolve(dir, name)
  if (!file.startsWith(dir + path.sep)) return false
  return stat(file).then(
    () => false,
    (error: NodeJS.ErrnoException) => ['ENOENT', 'ENAMETOOLONG', 'ENOTDIR', 'ERR_INVALID_ARG_VALUE'].includes(error.code ?? ''),
  )
}

/**
 * Payload's DELETE /payload-preferences/:key fails with a 500 on SQLite when the caller has no
 * preference by that key (the adapter's deleteOne finds no row); it is simply not there: a 404.
 */
async function isMissingPreference(payload: Payload, user: TypedUser | null, method: string, apiPath: string): Promise<boolean> {
  const match = /^\/payload-preferences\/([^/]+)$/.exec(apiPath)
  if (method !== 'DELETE' || !match || !user) return false
  const { totalDocs } = await payload.count({
    collection: 'payload-preferences',
    overrideAccess: true,
    where: { and: [{ key: { equals: decodeURIComponent(match[1]!) } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }] },
  })
  return totalDocs === 0
}

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

export interface GuardOptions {
  /** Rewrites Payload's answer before it leaves (GraphQL drops its field suggestions). */
  transform?: (response: Response) => Promise<Response>
  /** Whether this route honours Payload's method override (REST does; GraphQL is POST only). */
  methodOverride?: boolean
}

/** A JSON error in Payload's shape, with the CMS's security headers. */
export function errorResponse(status: number, message: string, init: { problems?: Problem[]; headers?: Record<string, string> } = {}): Response {
  const headers = applySecurityHeaders(new Headers(init.headers), 'api')
  const error = init.problems ? { name: 'ValidationError', message, data: { errors: init.problems } } : { message }
  return Response.json({ errors: [error] }, { status, headers })
}

function withHeaders(response: Response): Response {
  const headers = applySecurityHeaders(new Headers(response.headers), 'api')
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

const overrideHeaders = ['x-payload-http-method-override', 'x-http-method-override']

/** True for a POST that Payload would treat as a GET with its query in the body. */
function isMethodOverride(request: Request): boolean {
  return request.method === 'POST' && overrideHeaders.some((name) => request.headers.get(name) === 'GET')
}

/** Who is calling: the account behind the request's token, cookie or API key, if any. */
/** Thrown by resolveUser when a signed-in request found no account because the database failed. */
class UnreachableDatabase extends Error {
  constructor(readonly fault: DatabaseFault) {
    super(fault.reason)
  }
}

async function resolveUser(payload: Payload, request: Request): Promise<TypedUser | null> {
  const hasCredentials = request.headers.has('authorization') || /(^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')
  if (!hasCredentials) return null
  let user: TypedUser | null = null
  try {
    user = ((await executeAuthStrategies({ headers: request.headers, payload, canSetHeaders: false } as Parameters<typeof executeAuthStrategies>[0])).user as TypedUser | null) ?? null
  } catch (error) {
    // A database that cannot answer is not an anonymous caller: the request gets the 503 below.
    if (databaseFault(error)) throw error
  }
  if (user) return user
  // Payload's strategies swallow a failed account look-up: ask the database whether it answers, so
  // an editor is told the database is down rather than "not allowed" (hooks/database-faults).
  const fault = await databaseUnreachable(payload, 'anonymous')
  if (fault) throw new UnreachableDatabase(fault)
  return null
}

const mediaTypeOf = (request: Request) => (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

/**
 * The one door of the REST and GraphQL API. Every request, however its query arrives (URL, or a
 * POST with `X-Payload-HTTP-Method-Override: GET` and the query in a form or JSON body), passes the
 * same checks before Payload sees it:
 *
 * 1. a path that is not valid percent-encoding is a 400;
 * 2. an anonymous write to something anonymous cannot write is refused before its body is read;
 * 3. the body is read up to the route's limit and refused with a 413 the moment it goes over;
 * 4. the query (depth, limit, page, where, sort, ids) is checked against the request budget, with
 *    tighter limits for anonymous callers; a method override becomes a plain GET first.
 *
 * Every answer, Payload's or ours, leaves with the CMS's security headers.
 */
export function withRequestGuard<Context>(handler: RouteHandler<Context>, options: GuardOptions = {}): RouteHandler<Context> {
  return async (incoming, context) => {
    let request = incoming
    try {
      const url = new URL(request.url)
      try {
        decodeURIComponent(url.pathname)
      } catch {
        return errorResponse(400, 'The address is not valid: it contains a “%” that is not followed by two hexadecimal digits.')
      }
      const payload = await getPayload({ config: configPromise })
      const apiRoute = payload.config.routes.api
      const apiPath = url.pathname.startsWith(apiRoute) ? url.pathname.slice(apiRoute.length) : url.pathname
      const override = options.methodOverride !== false && isMethodOverride(request)
      let user: TypedUser | null
      try {
        user = await resolveUser(payload, request)
      } catch (error) {
        const fault = error instanceof UnreachableDatabase ? error.fault : databaseFault(error)
        if (!fault) throw error
        const reading = request.method === 'GET' || request.method === 'HEAD'
        const message = reading ? `This could not be read: ${fault.reason}. Try again in a minute; if this keeps happening, tell whoever runs the server.` : databaseFaultMessage(fault)
        return errorResponse(503, message, { headers: { 'Retry-After': String(fault.retryAfterSeconds) } })
      }
      const caller = userIsStaff(user) ? 'staff' : 'anonymous'

      if (!user && !override) {
        const denied = await anonymousWriteDenied(payload, request, apiPath)
        if (denied) return errorResponse(403, denied)
      }

      let bodyText: string | undefined
      if (request.method !== 'GET' && request.method !== 'HEAD' && request.body) {
        const isUpload = mediaTypeOf(request) === 'multipart/form-data' && isUploadCollectionPath(payload.config, apiPath)
        const limit = caller === 'anonymous' ? bodyLimits.anonymousBytes : isUpload ? maxUploadBytes + bodyLimits.formOverheadBytes : bodyLimits.staffBytes
        const body = await readBodyWithin(request, limit)
        if (!body.ok) {
          return errorResponse(
            413,
            isUpload
              ? `This upload is larger than ${maxUploadBytes / 1024 / 1024} MB, the most an image may be. Make the image smaller and try again.`
              : `The request body is larger than ${Math.round(limit / 1024)} KB, the most this address accepts${caller === 'anonymous' ? ' without a staff login' : ''}.`,
          )
        }
        request = new Request(request.url, { method: request.method, headers: request.headers, body: body.bytes, signal: request.signal })
        const problem = mediaTypeOf(request) === 'multipart/form-data' ? await formProblem(request, body.bytes) : undefined
        if (problem) {
          return errorResponse(
            400,
            `The form could not be read (${problem.replace(/\.$/, '')}). Send it again as multipart/form-data with the boundary its Content-Type names, ` +
              'complete, and with file names free of control characters.',
          )
        }
        if (mediaTypeOf(request) === 'application/json' || override) bodyText = new TextDecoder().decode(body.bytes)
      }

      let method = request.method
      let search = url.search
      if (override) {
        // Payload turns these into a GET itself; doing it here first means the query is checked
        // exactly as if it had come in the URL, and Payload sees an ordinary GET.
        const query = overrideQuery(mediaTypeOf(request), bodyText ?? '')
        if (query === undefined) return errorResponse(400, 'The query in the request body could not be read: send it as a form (application/x-www-form-urlencoded) or a JSON object.')
        search = [url.search.replace(/^\?/, ''), query].filter(Boolean).join('&')
        method = 'GET'
        const headers = new Headers(request.headers)
        for (const name of [...overrideHeaders, 'content-type', 'content-length']) headers.delete(name)
        const target = new URL(url)
        target.search = search
        request = new Request(target, { method: 'GET', headers, signal: request.signal })
        bodyText = undefined
      }

      const { problems, status } = checkRequest(payload.config, {
        method,
        apiPath,
        search,
        contentType: request.headers.get('content-type'),
        bodyText,
        idFormat: payload.db.defaultIDType === 'number' ? 'number' : 'objectId',
        caller,
      })
      if (problems.length > 0) {
        const summary = problems.length === 1 ? problems[0]!.message : `${problems.length} problems with this request: ${problems.map((p) => p.message).join(' ')}`
        return errorResponse(status, summary, { problems })
      }
      if (await isMissingUpload(payload.config, method, apiPath)) return errorResponse(404, 'There is no file with that name.')
      if (await isMissingPreference(payload, user, method, apiPath)) return errorResponse(404, 'There is no preference with that key.')
      const response = await handler(request, context)
      return withHeaders(options.transform ? await options.transform(response) : response)
    } catch (error) {
      if (error instanceof URIError) return errorResponse(400, 'The address is not valid: it contains a “%” that is not followed by two hexadecimal digits.')
      throw error
    }
  }
}

/** The query string a method-override request carries in its body, or undefined when it cannot be read. */
function overrideQuery(mediaType: string, bodyText: string): string | undefined {
  if (mediaType === 'application/x-www-form-urlencoded') return bodyText
  if (mediaType === 'application/json') {
    try {
      const data: unknown = JSON.parse(bodyText || '{}')
      if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined
      return stringify(data, { encodeValuesOnly: true })
    } catch {
      return undefined
    }
  }
  return bodyText.trim() === '' ? '' : undefined
}

/**
 * Whether a multipart body parses with busboy, the parser Payload itself uses: a broken one (no or
 * a wrong boundary, cut off, control characters in a part header) would otherwise fail inside
 * Payload, which reports it as a 500.
 */
function formProblem(request: Request, bytes: Uint8Array): Promise<string | undefined> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: { 'content-type': request.headers.get('content-type') ?? '' } })
    } catch (error) {
      resolve((error as Error).message)
      return
    }
    parser.on('file', (_name, stream) => stream.resume())
    parser.on('error', (error: Error) => resolve(error.message))
    parser.on('close', () => resolve(undefined))
    parser.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  })
}

function isUploadCollectionPath(config: SanitizedConfig, apiPath: string): boolean {
  const slug = apiPath.split('/')[1]
  return Boolean(config.collections.find((collection) => collection.slug === slug)?.upload)
}

/** Handlers for the methods a route does not serve: a 405 that names the ones it does. */
export function methodNotAllowed(allowed: string[]) {
  return async () =>
    errorResponse(405, `This address does not accept that method. Use ${allowed.join(', ')}.`, { headers: { Allow: allowed.join(', ') } })
}

