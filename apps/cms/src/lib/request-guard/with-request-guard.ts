import configPromise from '@payload-config'
import { getPayload } from 'payload'
import { checkRequest } from './check-request'

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
    const { problems, status } = checkRequest(payload.config, {
      method: request.method,
      apiPath: url.pathname.startsWith(apiRoute) ? url.pathname.slice(apiRoute.length) : url.pathname,
      search: url.search,
      contentType,
      bodyText,
      idFormat: payload.db.defaultIDType === 'number' ? 'number' : 'objectId',
    })
    if (problems.length === 0) return handler(request, context)
    const summary = problems.length === 1 ? problems[0]!.message : `${problems.length} problems with this request: ${problems.map((p) => p.message).join(' ')}`
    return Response.json(
      { errors: [{ name: 'ValidationError', message: summary, data: { errors: problems } }] },
      { status },
    )
  }
}
