import { healthResponse } from '@/lib/health'

export const dynamic = 'force-dynamic'

/** Liveness: the process is up and answering. No database work (README, "Health checks"). */
export function GET(): Response {
  return healthResponse({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, 200)
}
