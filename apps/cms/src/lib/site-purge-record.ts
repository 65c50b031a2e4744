/**
 * The record of a purge the site has not confirmed yet, and when it is tried again (see
 * ./site-purge). Without the environment, so that readers of the records (the dashboard) can import
 * it before the CMS's configuration is read.
 */
export const sitePurgeTask = 'deliverSitePurge'
export const sitePurgeQueue = 'site-purges'
/** Six fields, seconds first: every 5 seconds. One indexed query when nothing is due. */
export const sitePurgeCron = '*/5 * * * * *'
/** The first retry: after the call at commit has surely ended (its timeout is 5 s). */
export const firstRetryMs = 15_000
/** The most the site waits for a purge once it answers again. */
export const longestRetryMs = 60_000

/** When attempt `attempt` (2 = the first retry) comes after the one before: 15 s, 30 s, then every minute. */
export function retryDelayMs(attempt: number): number {
  return Math.min(longestRetryMs, firstRetryMs * 2 ** Math.max(0, attempt - 2))
}

/** The tags, which attempt comes next, and when the change was saved. */
export type SitePurgeInput = { tags: string[]; attempt?: number; since?: string }
