import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import { revalidateSecretHeader, type RevalidateRequest } from '@clinic/cms-types'
import { env } from '@/env'
import { afterCommit } from '@/lib/after-commit'
import { firstRetryMs, retryDelayMs, sitePurgeQueue, sitePurgeTask, type SitePurgeInput } from './site-purge-record'

/**
 * Telling the site which cache tags to purge, until it confirms.
 *
 * The site keeps every page until the CMS names one of its tags (in Redis, shared by its instances
 * and kept across their restarts). A purge that never arrives leaves the old page up for good: an
 * editor's "Published" would be untrue until some unrelated change purged the same tags. That
 * happened whenever the site could not take the call: a deploy or restart of the site, a crash, a
 * network fault, or the CMS itself stopping (a deploy, `kill -9`) between the commit and the call.
 *
 * So each purge is recorded in the database, in the write's own transaction (a write that is rolled
 * back records nothing), as a job on its own queue. Once the write is committed the site is called at
 * once, as before; when it confirms (2xx), the record is removed. When it does not (down, refusing,
 * no answer within 5 s), the record stays, and the queue (polled every 5 s by any CMS instance) calls
 * the site again: 15 s after the write, then 30 s, then once a minute until it confirms. Purges are
 * idempotent: a duplicate only renders a page once more.
 */
export { firstRetryMs, longestRetryMs, retryDelayMs, sitePurgeCron, sitePurgeQueue, sitePurgeTask, type SitePurgeInput } from './site-purge-record'
const callTimeoutMs = 5_000

let warnedNoSecret = false

/** One call to the site: whether it confirmed the purge, and if not, why (for the log). */
async function callSite(tags: readonly string[]): Promise<{ ok: true } | { ok: false; problem: string }> {
  try {
    const body: RevalidateRequest = { tags: [...tags] }
    const response = await fetch(new URL('/api/revalidate', env.siteUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [revalidateSecretHeader]: env.siteRevalidateSecret! },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(callTimeoutMs),
    })
    await response.arrayBuffer().catch(() => undefined)
    return response.ok ? { ok: true } : { ok: false, problem: `The site answered ${response.status} to a revalidation of ${tags.join(', ')}.` }
  } catch (error) {
    return { ok: false, problem: `Could not reach the site to revalidate ${tags.join(', ')}: ${String(error)}` }
  }
}

/**
 * Calls the site now. Answers whether it confirmed the purge (logged when it did not). Never
 * throws: a site that is down must never fail a publish.
 */
export async function postRevalidation(tags: readonly string[], req: PayloadRequest): Promise<boolean> {
  // Bulk writes (the seed, a database import) pass this to skip one request per document.
  if (tags.length === 0 || req.context?.disableRevalidate) return true
  if (!env.siteRevalidateSecret) {
    if (!warnedNoSecret) req.payload.logger.warn('SITE_REVALIDATE_SECRET is not set: the site is not told about content changes.')
    warnedNoSecret = true
    return true
  }
  const outcome = await callSite([...new Set(tags)])
  if (!outcome.ok) req.payload.logger.warn(outcome.problem)
  return outcome.ok
}

/**
 * Records a purge for the queue to deliver in `waitMs` (in `req`'s transaction when given: the
 * write's own, so a rolled-back write records nothing).
 */
function keepForRetry(payload: Payload, input: SitePurgeInput, waitMs: number, req?: PayloadRequest) {
  return payload.jobs.queue({ task: sitePurgeTask, input, queue: sitePurgeQueue, waitUntil: new Date(Date.now() + waitMs), req })
}

/** Removes a delivered purge's record (outside any transaction: the write is committed). */
async function forget(payload: Payload, id: number | string): Promise<void> {
  try {
    await payload.db.deleteOne({ collection: 'payload-jobs', where: { id: { equals: id } }, returning: false })
  } catch (error) {
    // Left in place, it only purges the same tags once more, 15 s later.
    payload.logger.warn(`Could not remove the record of a delivered site purge (${String(id)}): ${String(error)}`)
  }
}

/**
 * Records the purge in the write's transaction, and calls the site once it is committed (never for
 * a write that is rolled back: the site would fetch and cache the old content again). A purge the
 * site does not confirm is retried from the queue until it does.
 */
export async function sendRevalidation(tags: readonly string[], req: PayloadRequest): Promise<void> {
  if (tags.length === 0 || req.context?.disableRevalidate) return
  const unique = [...new Set(tags)]
  if (!env.siteRevalidateSecret) {
    await postRevalidation(unique, req)
    return
  }
  const record = await keepForRetry(req.payload, { tags: unique, attempt: 1, since: new Date().toISOString() }, firstRetryMs, req)
  await afterCommit(req, async () => {
    if (await postRevalidation(unique, req)) await forget(req.payload, record.id)
  })
}

/**
 * A purge that comes from no write (a time edge: the announcement's start or end): the site is
 * called now and, if it does not confirm, the purge is recorded and retried like a write's, until
 * it does. Answers whether the site confirmed it now.
 */
export async function purgeUntilConfirmed(tags: readonly string[], req: PayloadRequest): Promise<boolean> {
  const unique = [...new Set(tags)]
  if (await postRevalidation(unique, req)) return true
  await keepForRetry(req.payload, { tags: unique, attempt: 1, since: new Date().toISOString() }, firstRetryMs)
  return false
}

/** The retry of a purge the site had not confirmed: confirmed now, or queued again for later. */
export const sitePurgeTaskConfig: TaskConfig<{ input: SitePurgeInput; output: { confirmed: boolean } }> = {
  slug: sitePurgeTask,
  label: 'Tell the site about a change it has not confirmed yet',
  inputSchema: [
    { name: 'tags', type: 'json', required: true },
    { name: 'attempt', type: 'number' },
    { name: 'since', type: 'text' },
  ],
  outputSchema: [{ name: 'confirmed', type: 'checkbox' }],
  // Its own retries are the new jobs it queues (unlimited, once a minute at most); this covers only
  // a fault of the job itself (the database busy while it queued the next attempt).
  retries: 2,
  handler: async ({ input, req }) => {
    const tags = Array.isArray(input.tags) ? input.tags.filter((tag): tag is string => typeof tag === 'string') : []
    if (tags.length === 0) return { output: { confirmed: true } }
    const attempt = (input.attempt ?? 1) + 1
    // No secret any more (the configuration changed since): nothing can be sent.
    if (!env.siteRevalidateSecret) return { output: { confirmed: await postRevalidation(tags, req) } }
    const outcome = await callSite(tags)
    if (outcome.ok) {
      req.payload.logger.info(`The site confirmed the purge of ${tags.join(', ')} on attempt ${attempt}.`)
      return { output: { confirmed: true } }
    }
    const wait = retryDelayMs(attempt + 1)
    const next = new Date(Date.now() + wait)
    await keepForRetry(req.payload, { tags, attempt, since: input.since }, wait)
    // Every attempt is logged for the first few minutes, then once an hour: a site down for a day
    // does not fill the log.
    if (attempt <= 5 || attempt % 60 === 0) {
      req.payload.logger.warn(`${outcome.problem.replace(/\.$/, '')} (attempt ${attempt}); trying again at ${next.toISOString()}. Until the site confirms, it may show the old content.`)
    }
    return { output: { confirmed: false } }
  },
}
