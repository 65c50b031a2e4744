import { healthResponse, readiness } from '@/lib/health'

export const dynamic = 'force-dynamic'

/** Readiness: the database reads and writes and migrations are current; 503 naming what is not. */
export async function GET(): Promise<Response> {
  const result = await readiness()
  const response = healthResponse(result, result.status === 'ok' ? 200 : 503)
  if (result.status !== 'ok') response.headers.set('retry-after', '5')
  return response
}
