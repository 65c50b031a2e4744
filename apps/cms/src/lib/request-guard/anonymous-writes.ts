import { match } from 'path-to-regexp'
import type { Access, Payload, PayloadRequest } from 'payload'

type Operation = 'create' | 'update' | 'delete'

/** Payload's own write endpoints of a collection, and the access rule each obeys. */
const collectionWrites: Array<[method: string, path: string, operation: Operation]> = [
  ['POST', '/', 'create'],
  ['POST', '/:id/duplicate', 'create'],
  ['PATCH', '/', 'update'],
  ['PATCH', '/:id', 'update'],
  ['PUT', '/:id', 'update'],
  ['POST', '/versions/:id', 'update'],
  ['DELETE', '/', 'delete'],
  ['DELETE', '/:id', 'delete'],
]

const globalWrites: Array<[method: string, path: string]> = [
  ['POST', '/'],
  ['POST', '/versions/:id'],
]

const matches = (pattern: string, rest: string) => {
  try {
    return Boolean(match(pattern, { decode: decodeURIComponent })(rest))
  } catch {
    return false
  }
}

async function allowsAnonymous(access: Access | undefined, payload: Payload, request: Request): Promise<boolean> {
  if (!access) return false
  try {
    const req = { user: null, payload, headers: request.headers, context: {}, query: {}, locale: undefined } as unknown as PayloadRequest
    return Boolean(await access({ req }))
  } catch {
    // A rule that needs more than an anonymous request to decide is left to Payload.
    return true
  }
}

/**
 * When a request without credentials writes to a collection or global whose access rules refuse
 * anonymous callers, says so: the guard then answers 403 before reading the body. Logins, password
 * resets, first-register and any custom endpoint are not Payload's write endpoints, so they pass.
 */
export async function anonymousWriteDenied(payload: Payload, request: Request, apiPath: string): Promise<string | undefined> {
  const method = request.method.toUpperCase()
  if (!['POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) return undefined
  const segments = apiPath.split('/').filter(Boolean)
  if (segments[0] === 'globals') {
    const global = payload.config.globals.find((candidate) => candidate.slug === segments[1])
    if (!global) return undefined
    const rest = `/${segments.slice(2).join('/')}`
    if (!globalWrites.some(([m, p]) => m === method && matches(p, rest))) return undefined
    return (await allowsAnonymous(global.access.update, payload, request)) ? undefined : 'You are not allowed to perform this action. Log in as staff first.'
  }
  const collection = payload.config.collections.find((candidate) => candidate.slug === segments[0])
  if (!collection) return undefined
  const rest = `/${segments.slice(1).join('/')}`
  // A custom endpoint on the same path and method (a login, a booking form) decides for itself.
  const custom = (Array.isArray(collection.endpoints) ? collection.endpoints : []).some(
    (endpoint) => endpoint.method.toUpperCase() === method && matches(endpoint.path, rest) && !isDefaultEndpoint(endpoint.path),
  )
  if (custom) return undefined
  const write = collectionWrites.find(([m, p]) => m === method && matches(p, rest))
  if (!write) return undefined
  return (await allowsAnonymous(collection.access[write[2]], payload, request)) ? undefined : 'You are not allowed to perform this action. Log in as staff first.'
}

const defaultPaths = new Set(collectionWrites.map(([, p]) => p))
const isDefaultEndpoint = (endpointPath: string) => defaultPaths.has(endpointPath)
