export const dynamic = 'force-dynamic'

/** Liveness: the process is up and answering (README, "Health checks"). No CMS or Redis calls. */
export function GET(): Response {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'Cache-Control': 'no-store' } })
}
