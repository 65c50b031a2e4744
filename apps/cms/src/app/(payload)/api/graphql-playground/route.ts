import config from '@payload-config'
import '@payloadcms/next/css'
import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'
import { methodNotAllowed, withRequestGuard } from '@/lib/request-guard/with-request-guard'

export const GET = withRequestGuard(GRAPHQL_PLAYGROUND_GET(config))

const playgroundMethods = methodNotAllowed(['GET'])
export const POST = playgroundMethods
export const PUT = playgroundMethods
export const PATCH = playgroundMethods
export const DELETE = playgroundMethods
