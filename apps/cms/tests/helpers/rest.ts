import { inject } from 'vitest'
import type { StaffRole } from './staff'

export type Caller = StaffRole | 'anonymous'

export interface ApiResponse {
  status: number
  body: any
  text: string
}

/** Calls the running CMS over HTTP as the given caller. */
export async function rest(caller: Caller, method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const url = `${inject('cmsUrl')}${pathAndQuery}`
  const init: RequestInit = { method, headers: { ...headers } }
  if (caller !== 'anonymous') (init.headers as Record<string, string>).authorization = `JWT ${inject('tokens')[caller]}`
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof FormData) init.body = body
    else {
      init.body = JSON.stringify(body)
      ;(init.headers as Record<string, string>)['content-type'] ??= 'application/json'
    }
  }
  const response = await fetch(url, init)
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, body: parsed, text }
}

/** Runs a GraphQL query against the running CMS. */
export async function graphql(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<ApiResponse> {
  return rest(caller, 'POST', '/api/graphql', { query, variables })
}
