import { AsyncLocalStorage } from 'node:async_hooks'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import {
  type CollectionSlug,
  type Endpoint,
  type Payload,
  type PayloadRequest,
  type SanitizedConfig,
  type ServerFunction,
  type TaskConfig,
  type TypedUser,
} from 'payload'
import { userIsEditorOrAdmin } from '@/access'
import { env } from '@/env'
import { reviewRefusalLead } from '@/fields/health-document'
import { oneLine } from '@/lib/log-levels'
import { adapterWriteMethods } from '@/lib/sqlite-transactions'

/**
 * Scheduled publishing that never fails silently:
 * - a schedule is checked when it is made: the publish is run as a dry run (every hook and field
 *   validation, stopped before the first database write) and a schedule that could not succeed is
 *   refused in the drawer with the message a publish would give;
 * - a scheduled publish that still fails at its minute keeps its reason (in words) on the job, stays
 *   in "What is going out", and the person who scheduled it and the editors are emailed once;
 * - it can be retried after the fix (`POST /api/scheduled-publish/:job/retry`).
 */

/** Thrown by the dry run's database at the first write: everything before it passed. */
class DryRunReachedWrite extends Error {
  constructor() {
    super('dry run: publish would be written now')
    this.name = 'DryRunReachedWrite'
  }
}


/**
 * The dry run's guard sits on the database adapter itself, switched on for the dry run's own async
 * context only: Payload's Local API methods are bound to the real instance and put it back on the
 * request (any hook that calls `req.payload.find({ req })` does), so a read-only *copy* of Payload
 * leaked the publish through the real adapter. Every write inside the dry run is refused here,
 * wherever it comes from; other requests running meanwhile are untouched.
 */
const inDryRun = new AsyncLocalStorage<true>()
const guardedAdapters = new WeakSet<object>()

function guardWrites(db: Payload['db']): void {
  if (guardedAdapters.has(db)) return
  guardedAdapters.add(db)
  const adapter = db as unknown as Record<string | symbol, unknown>
  for (const name of [...adapterWriteMethods, 'beginTransaction']) {
    const original = adapter[name]
    if (typeof original !== 'function') continue
    adapter[name] = function guarded(this: unknown, ...args: unknown[]) {
      if (!inDryRun.getStore()) return (original as (...a: unknown[]) => unknown).apply(this, args)
      // No transaction for a dry run; Payload clears the document's edit lock before it validates.
      if (name === 'beginTransaction') return Promise.resolve(null)
      if (name === 'deleteMany' && (args[0] as { collection?: string } | undefined)?.collection === 'payload-locked-documents') return Promise.resolve(undefined)
      return Promise.reject(new DryRunReachedWrite())
    }
  }
}

/**
 * What a refused publish says (the admin's publish shows the same, see health-document's
 * explainRefusedPublish). Recognised by its shape (field errors on `data.errors`), as that hook
 * does: in the production build Payload's error names are minified (`this.constructor.name`), and
 * the server function may see another copy of the ValidationError class, so neither `instanceof`
 * nor the name is reliable there.
 */
export function publishRefusalMessage(payload: Payload, collection: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const lead = reviewRefusalLead(error, payload.collections[collection as CollectionSlug]?.config.labels?.singular)
  return lead ? `${lead} (${message})` : message
}

/**
 * Why publishing this document now would fail, as the publish itself would say it; undefined when
 * it would succeed. Runs the whole update as `user` (access, hooks, validation) and stops before
 * anything is written.
 */
export async function whyPublishWouldFail(args: {
  payload: Payload
  collection: string
  id: number | string
  user: TypedUser | null
}): Promise<string | undefined> {
  const { payload, collection, id, user } = args
  try {
    guardWrites(payload.db)
    await inDryRun.run(true, () => payload.update({
      collection: collection as CollectionSlug,
      id,
      data: { _status: 'published' } as never,
      depth: 0,
      overrideAccess: user === null,
      user: user ?? undefined,
      context: { dryRunPublish: true },
      disableTransaction: true,
    }))
  } catch (error) {
    if (error instanceof DryRunReachedWrite) return undefined
    return publishRefusalMessage(payload, collection, error)
  }
  return undefined
}

type ScheduleArgs = Parameters<typeof schedulePublishHandler>[0]

/** The admin's "Schedule publish": refused up front, with the publish's message, when it could not succeed. */
export const checkedSchedulePublish: ServerFunction<Record<string, unknown>> = async (args) => {
  const { type, doc, req } = args as unknown as ScheduleArgs
  if (type !== 'unpublish' && doc && req.user) {
    const reason = await whyPublishWouldFail({ payload: req.payload, collection: doc.relationTo, id: doc.value, user: req.user as TypedUser })
    if (reason) {
      req.payload.logger.info({ collection: doc.relationTo, id: doc.value, user: `${req.user.collection}:${String(req.user.id)}` }, oneLine(`Schedule refused: ${reason}`))
      return { error: `This cannot be scheduled: ${reason}` }
    }
  }
  return schedulePublishHandler(args as unknown as ScheduleArgs)
}

type JobInput = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo: string; value: number | string }
  user?: { relationTo: string; value: number | string } | number | string | null
}

/** Who hears of a failed scheduled publish: whoever scheduled it, and every editor. */
async function recipientsOf(req: PayloadRequest, input: JobInput): Promise<string[]> {
  const addresses = new Set<string>()
  const scheduler = input.user && typeof input.user === 'object' ? input.user : undefined
  if (scheduler?.relationTo === 'users') {
    try {
      const user = await req.payload.findByID({ collection: 'users', id: scheduler.value, depth: 0, overrideAccess: true, req })
      if (user?.email) addresses.add(user.email)
    } catch {
      // The scheduler's account is gone: the editors still hear of it.
    }
  }
  const { docs: editors } = await req.payload.find({
    collection: 'users',
    where: { role: { equals: 'editor' } },
    depth: 0,
    limit: 50,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const editor of editors) if (editor.email) addresses.add(editor.email)
  return [...addresses]
}

/** The link to fix a document, in the admin. */
export const adminLinkOf = (doc: { relationTo: string; value: number | string }) =>
  `${env.serverUrl}/admin/collections/${doc.relationTo}/${String(doc.value)}`

/**
 * Wraps Payload's schedulePublish task: the job keeps the reason in words, and a failure is
 * logged at error with context and emailed once (one send per failed run; the task has no retries).
 */
function checkedScheduleTask(task: TaskConfig): TaskConfig {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  return {
    ...task,
    handler: async (args) => {
      try {
        return await handler(args)
      } catch (error) {
        const doc = (args.input as JobInput | undefined)?.doc
        if (!doc) throw error
        throw new Error(publishRefusalMessage(args.req.payload, doc.relationTo, error), { cause: error })
      }
    },
    onFail: async ({ input, job, req }) => {
      const { doc, type } = (input ?? {}) as JobInput
      req.payload.logger.error({ job: job.id, collection: doc?.relationTo, id: doc?.value, task: 'schedulePublish' }, 'A scheduled publish failed')
      if (!doc) return
      let title = `#${String(doc.value)}`
      try {
        const found = (await req.payload.findByID({ collection: doc.relationTo as CollectionSlug, id: doc.value, depth: 0, draft: true, overrideAccess: true, req })) as {
          title?: string
          name?: string
        }
        title = found.title ?? found.name ?? title
      } catch {
        // Deleted in between: the number will do.
      }
      const to = await recipientsOf(req, (input ?? {}) as JobInput)
      if (to.length === 0) return
      try {
        await req.payload.sendEmail({
          to,
          subject: `Scheduled ${type === 'unpublish' ? 'unpublish' : 'publish'} failed: ${title}`,
          text: [
            `“${title}” was scheduled to ${type === 'unpublish' ? 'come off' : 'go live on'} the site, but it did not.`,
            '',
            'See "What is going out" in the admin for the reason; fix the document, then press Retry there.',
            '',
            `Open the document: ${adminLinkOf(doc)}`,
            `What is going out: ${env.serverUrl}/admin/going-out`,
          ].join('\n'),
        })
      } catch (error) {
        req.payload.logger.error({ err: error, job: job.id, to: to.length }, 'The email about a failed scheduled publish could not be sent')
      }
    },
  }
}

/** Applies the checked task to the sanitized config (Payload adds schedulePublish itself while sanitizing). */
export async function withCheckedSchedules(configPromise: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const config = await configPromise
  const tasks = config.jobs?.tasks
  if (Array.isArray(tasks)) {
    const index = tasks.findIndex((task) => task.slug === 'schedulePublish')
    if (index >= 0) tasks[index] = checkedScheduleTask(tasks[index] as TaskConfig)
  }
  return config
}

/** `POST /api/scheduled-publish/:id/retry`: checks the document again, then runs the failed job now. */
export const retryScheduledPublishEndpoint: Endpoint = {
  path: '/scheduled-publish/:id/retry',
  method: 'post',
  handler: async (req) => {
    if (!req.user || !userIsEditorOrAdmin(req.user)) {
      return Response.json({ errors: [{ message: 'Only editors and admins can retry a scheduled publish.' }] }, { status: 403 })
    }
    const id = String(req.routeParams?.id ?? '')
    const found = await req.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ id: { equals: id } }, { taskSlug: { equals: 'schedulePublish' } }, { hasError: { equals: true } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const job = found.docs[0]
    const input = job?.input as JobInput | undefined
    if (!job || !input?.doc) return Response.json({ errors: [{ message: 'There is no failed scheduled publish with this number.' }] }, { status: 404 })
    if (input.type !== 'unpublish') {
      const reason = await whyPublishWouldFail({ payload: req.payload, collection: input.doc.relationTo, id: input.doc.value, user: req.user as TypedUser })
      if (reason) return Response.json({ errors: [{ message: `Still cannot be published: ${reason}` }] }, { status: 400 })
    }
    await req.payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { hasError: false, error: null, processing: false, totalTried: 0, completedAt: null, waitUntil: new Date().toISOString() } as never,
      depth: 0,
      overrideAccess: true,
    })
    await req.payload.jobs.runByID({ id: job.id, overrideAccess: true })
    // A job that succeeds is deleted (Payload's deleteJobOnComplete); one that fails again stays, with its reason.
    const { docs: left } = await req.payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } }, depth: 0, limit: 1, overrideAccess: true })
    const after = left[0]
    if (after?.hasError) {
      const message = (after.error as { message?: string } | null)?.message ?? 'The publish failed again.'
      return Response.json({ errors: [{ message }] }, { status: 409 })
    }
    return Response.json({ message: input.type === 'unpublish' ? 'Unpublished.' : 'Published.' })
  },
}
