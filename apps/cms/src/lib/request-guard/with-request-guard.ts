import { stat } from 'node:fs/promises'
import path from 'node:path'
import configPromise from '@payload-config'
import { getPayload, type SanitizedConfig } from 'payload'
import { checkRequest } from './check-request'

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
  const file = path.resolve(dir, decodeURIComponent(match[2]!))
  if (!file.startsWith(dir + path.sep)) return false
  return stat(file).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  )
}

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

/** Wraps Payload's REST handlers so malformed requests get a 4xx with field messages, never a 500. */
export function withRequestGuard<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    const payload = await getPayload({ config: configPromise })
    const url = new URL(request.url)
    const apiRoute = payload.config.routes.api
    const contentType = request.headers.get('content-type')
    const isJson = (contentType ?? '').toLowerCase().startsWith('application/json')
    const bodyText = isJson && request.method !== 'GET' ? await request.clone().text() : undefined
    const apiPath = url.pathname.startsWith(apiRoute) ? url.pathname.slice(apiRoute.length) : url.pathname
    const { problems, status } = checkRequest(payload.config, {
      method: request.method,
      apiPath,
      search: url.search,
      contentType,
      bodyText,
      idFormat: payload.db.defaultIDType === 'number' ? 'number' : 'objectId',
    })
    if (problems.length === 0) {
      if (await isMissingUpload(payload.config, request.method, apiPath)) {
        return Response.json({ errors: [{ message: 'There is no file with that name.' }] }, { status: 404 })
      }
      return handler(request, context)
    }
    const summary = problems.length === 1 ? problems[0]!.message : `${problems.length} problems with this request: ${problems.map((p) => p.message).join(' ')}`
    return Response.json(
      { errors: [{ name: 'ValidationError', message: summary, data: { errors: problems } }] },
      { status },
    )
  }
}
