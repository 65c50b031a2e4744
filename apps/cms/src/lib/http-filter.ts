import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { securityHeaders } from '@/lib/security-headers'

/**
 * Requests Next.js itself answers with a 500 before any of our code runs, answered here with a
 * 4xx instead. Next.js 16 decodes a route's parameters as it matches the route: a path with a
 * malformed escape (`/admin/%ZZ`, `/api/%ZZ`) makes that throw, and the 500 comes from the router,
 * not from a page or route handler. A method the Fetch API forbids (TRACE, TRACK, CONNECT) makes
 * `new Request()` throw when Next.js builds the request for a route handler. Neither can be caught
 * in a route, a page or the proxy (the proxy is reached through the same code), so the server's
 * request event is filtered: this is the one place every request passes before Next.js sees it.
 *
 * Methods Node's HTTP parser does not know (`FOO`) never reach JavaScript: Node answers 400.
 */

const apiMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const pageMethods = ['GET', 'HEAD', 'POST']

function send(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  const body = JSON.stringify({ errors: [{ message }] })
  res.writeHead(status, {
    ...securityHeaders('api'),
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

/** What is wrong with a request's method or path, answered; false when it may go on to Next.js. */
export function refuseMalformed(req: IncomingMessage, res: ServerResponse): boolean {
  const method = (req.method ?? 'GET').toUpperCase()
  const rawPath = (req.url ?? '/').split('?')[0]!
  const isApi = rawPath === '/api' || rawPath.startsWith('/api/')
  const allowed = isApi ? apiMethods : pageMethods
  if (!allowed.includes(method)) {
    send(res, 405, `This address does not accept ${method} requests. Use ${allowed.join(', ')}.`, { Allow: allowed.join(', ') })
    return true
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    send(res, 400, 'The address is not valid: it contains a “%” that is not followed by two hexadecimal digits, or bytes that are not UTF-8.')
    return true
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) {
    send(res, 400, 'The address is not valid: it contains a control character (such as a null byte).')
    return true
  }
  return false
}

const installed = Symbol.for('clinic.cms.http-filter')

/** Filters every HTTP server's request event in this process (idempotent). */
export function installHttpFilter(): void {
  const proto = http.Server.prototype as http.Server & { [installed]?: boolean }
  if (proto[installed]) return
  proto[installed] = true
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
  proto.emit = function filteredEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse]
      try {
        if (refuseMalformed(req, res)) return true
      } catch {
        // Never let the filter itself take a request down: Next.js answers it as before.
      }
    }
    return emit.call(this, event, ...args)
  } as typeof proto.emit
}
