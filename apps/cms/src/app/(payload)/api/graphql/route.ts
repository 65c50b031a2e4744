import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { withoutSuggestions } from '@/lib/graphql-cost'
import { methodNotAllowed, withRequestGuard } from '@/lib/request-guard/with-request-guard'

/** Drops "Did you mean …?" from GraphQL's error messages: they would describe the hidden schema. */
async function dropSuggestions(response: Response): Promise<Response> {
  const text = await response.text()
  if (!text.includes('Did you mean')) return new Response(text, response)
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message?: string }> }
    for (const error of body.errors ?? []) if (typeof error.message === 'string') error.message = withoutSuggestions(error.message)
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(JSON.stringify(body), { status: response.status, headers })
  } catch {
    return new Response(text, response)
  }
}

export const POST = withRequestGuard(GRAPHQL_POST(config), { transform: dropSuggestions, methodOverride: false })
export const OPTIONS = withRequestGuard(REST_OPTIONS(config))

const graphqlMethods = methodNotAllowed(['POST', 'OPTIONS'])
export const GET = graphqlMethods
export const PUT = graphqlMethods
export const PATCH = graphqlMethods
export const DELETE = graphqlMethods
