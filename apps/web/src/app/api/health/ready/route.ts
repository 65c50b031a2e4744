import { readiness } from '@/lib/health/readiness'

export const dynamic = 'force-dynamic'

/**
 * Readiness: 200 whenever the site can serve pages. Degraded is not down: without the CMS it serves
 * what it has cached, without Redis its own memory; `degraded` names what is missing and why.
 */
export async function GET(): Promise<Response> {
  return Response.json(await readiness(), { headers: { 'Cache-Control': 'no-store' } })
}
