import { ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { env } from '@/env'
import { normaliseFromPath, normaliseTargetUrl } from '../paths'
import { docAtPath, labelOf, publishedDoc, publishedPath, redirectFrom, referenceId, type RedirectData } from '../lookups'

/** Set by hooks that re-save redirects after a document changed: an unpublished target then switches the redirect off instead of failing. */
export const refreshingRedirects = 'refreshingRedirects'

const fieldLabels: Record<string, string> = { from: 'Old address', 'to.url': 'Address', 'to.reference': 'Page' }

const refuse = (req: PayloadRequest, path: string, message: string): never => {
  // The label names the field in the admin's toast ("The following field is invalid: Address"), not its path.
  throw new ValidationError({ collection: 'redirects', errors: [{ path, message, label: fieldLabels[path] ?? path }], req })
}

/** Re-saves in flight and done in one request, kept in its context. */
const refreshDepthKey = 'redirectRefreshDepth'
const refreshCountKey = 'redirectRefreshCount'
/**
 * Chains are kept one hop long, so re-saving a redirect re-saves at most the redirects one hop
 * before it: more than this many nested re-saves means redirects lead in a circle (left by an
 * import or a race between two saves), which would otherwise re-save one another for ever.
 */
export const maxRefreshDepth = 5
/** A bound on the work one change may cause: redirects re-saved in one request. */
export const maxRefreshesPerRequest = 1000
/** A bound on the hops followed when collapsing a chain. */
export const maxChainHops = 20

/**
 * Re-saves a redirect so its destination is worked out again (after its target moved, was
 * unpublished or became a redirect itself). Payload's Local API writes `context` into the shared
 * request, so the flag is put back afterwards rather than left on for the caller's later writes.
 * Refuses (400, with a message) past `maxRefreshDepth` nested or `maxRefreshesPerRequest` re-saves.
 */
export async function refreshRedirect(req: PayloadRequest, id: number | string): Promise<void> {
  const before: unknown = req.context?.[refreshingRedirects]
  const depth = Number(req.context[refreshDepthKey] ?? 0) + 1
  const count = Number(req.context[refreshCountKey] ?? 0) + 1
  req.context[refreshCountKey] = count
  if (depth > maxRefreshDepth || count > maxRefreshesPerRequest) {
    const { docs } = await req.payload.find({ collection: 'redirects', where: { id: { equals: id } }, overrideAccess: true, depth: 0, limit: 1, req })
    const from = (docs[0] as RedirectData | undefined)?.from ?? `#${id}`
    refuse(
      req,
      'from',
      depth > maxRefreshDepth
        ? `Stopped after re-saving redirects ${maxRefreshDepth} deep (at the redirect from ${from}): some redirects lead in a circle. ` +
            'The Redirects list shows them in its “Problem” column: change or delete one of them, then save again.'
        : `Stopped after re-saving ${maxRefreshesPerRequest} redirects for one change (at the redirect from ${from}). ` +
            'Check the Redirects list’s “Problem” column for redirects that lead in a circle.',
    )
  }
  req.context[refreshDepthKey] = depth
  try {
    await req.payload.update({ collection: 'redirects', id, data: {}, overrideAccess: true, req, context: { [refreshingRedirects]: true } })
  } finally {
    req.context[refreshingRedirects] = before
    req.context[refreshDepthKey] = depth - 1
  }
}

/**
 * Works out `destination`, the one address the site sends visitors to, and refuses what would
 * mislead them: a redirect from a page that is live, a second redirect from the same path, a
 * target that is not published, a redirect to itself or in a circle. Chains collapse: a target
 * that is itself redirected is replaced by that redirect's destination, so visitors take one hop.
 */
export const resolveDestination: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const siteOrigin = new URL(env.siteUrl).origin
  const current = { ...(originalDoc as RedirectData | undefined), ...(data as RedirectData) }
  const to = { ...(originalDoc as RedirectData | undefined)?.to, ...(data as RedirectData).to }
  const refreshing = Boolean(req.context?.[refreshingRedirects])
  const id = (originalDoc as RedirectData | undefined)?.id

  const from = normaliseFromPath(current.from, siteOrigin)
  if ('error' in from) return refuse(req, 'from', from.error)

  const duplicate = await redirectFrom(req, from.path, id)
  if (duplicate) return refuse(req, 'from', `A redirect from ${from.path} already exists (to ${duplicate.destination ?? 'nowhere yet'}). Edit that one instead.`)

  const live = await docAtPath(req, from.path)
  if (live && live._status === 'published') {
    return refuse(
      req,
      'from',
      `“${labelOf(live)}” is published at ${from.path}, so visitors already find it there. Change its slug or unpublish it before redirecting this address.`,
    )
  }

  let destination: string | null
  if (to.type === 'custom') {
    const target = normaliseTargetUrl(to.url, siteOrigin)
    if ('error' in target) return refuse(req, 'to.url', target.error)
    to.url = target.url
    destination = target.url
    if (!target.external) {
      const draft = await docAtPath(req, target.url)
      if (draft && draft._status !== 'published') {
        if (!refreshing) {
          refuse(req, 'to.url', `“${labelOf(draft)}” at ${target.url} is not published yet. Publish it first, or send visitors somewhere else.`)
        }
        destination = null
      }
    }
  } else {
    if (!to.reference) return refuse(req, 'to.reference', 'Choose the page visitors should be sent to.')
    const { relationTo } = to.reference
    const doc = await publishedDoc(req, relationTo, referenceId(to.reference.value))
    destination = publishedPath(relationTo, doc) ?? null
    if (!destination && !refreshing) {
      refuse(
        req,
        'to.reference',
        doc
          ? `“${labelOf(doc)}” is not published yet. A redirect may only send visitors to a published page: publish it first, or choose another.`
          : 'The chosen page no longer exists. Choose another.',
      )
    }
  }

  if (destination && !/^https?:/.test(destination)) {
    if (destination === from.path) return refuse(req, to.type === 'custom' ? 'to.url' : 'to.reference', `A redirect cannot send ${from.path} to itself.`)
    // Collapse the chain: go straight to where the redirects after this one lead. Chains are kept
    // one hop long, but while they are being re-saved one after another they may briefly be longer.
    const seen = new Set([from.path])
    for (let hops = 0; ; hops++) {
      const next: RedirectData | undefined = await redirectFrom(req, destination, id)
      if (!next?.destination || /^https?:/.test(destination)) break
      if (hops >= maxChainHops) {
        return refuse(
          req,
          to.type === 'custom' ? 'to.url' : 'to.reference',
          `The redirects after ${destination} go on for more than ${maxChainHops} hops. Send visitors straight to the page they should reach.`,
        )
      }
      if (seen.has(next.destination)) {
        return refuse(
          req,
          to.type === 'custom' ? 'to.url' : 'to.reference',
          `This would send visitors in a circle: ${destination} already redirects to ${next.destination}. Change or delete that redirect first.`,
        )
      }
      seen.add(destination)
      destination = next.destination
    }
  }

  return { ...data, from: from.path, to, destination }
}
