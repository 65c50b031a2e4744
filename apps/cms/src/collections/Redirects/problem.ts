import type { FieldHook, PayloadRequest } from 'payload'
import { userIsStaff } from '@/access'
import { maxChainHops } from './hooks/resolve-destination'
import type { RedirectData } from './lookups'

/** The redirect from `path`, read from the database directly: no hooks, so no read of this field again. */
async function storedRedirectFrom(req: PayloadRequest, path: string): Promise<RedirectData | undefined> {
  const found = await req.payload.db.findOne({ collection: 'redirects', where: { from: { equals: path } }, req })
  return (found ?? undefined) as RedirectData | undefined
}

/**
 * What is wrong with a redirect as stored, in words for the Redirects list and the document, or
 * nothing. Saves keep every chain one hop long and refuse circles, but an import (`db:import`) or
 * two saves racing can leave a chain or a circle in the database: the site would send visitors
 * round in circles. Follows at most `maxChainHops` hops, reading one redirect per hop.
 */
export async function redirectProblem(req: PayloadRequest, redirect: RedirectData): Promise<string | undefined> {
  if (!redirect.from || !redirect.destination || /^https?:/.test(redirect.destination)) return undefined
  const path = [redirect.from]
  let destination = redirect.destination
  for (let hops = 0; hops < maxChainHops; hops++) {
    if (path.includes(destination)) {
      return `Loop: ${[...path, destination].join(' → ')}. Visitors are sent round in circles: change or delete one of these redirects.`
    }
    const next = await storedRedirectFrom(req, destination)
    if (!next?.destination) break
    path.push(destination)
    if (/^https?:/.test(next.destination)) {
      destination = next.destination
      break
    }
    destination = next.destination
  }
  if (path.length === 1) return undefined
  if (path.length > maxChainHops) return `Chain of more than ${maxChainHops} redirects from ${redirect.from}: change or delete some of them.`
  return `Chain: ${[...path, destination].join(' → ')}. Visitors take ${path.length} hops: save this redirect again to send them straight there.`
}

/** The `problem` field's value: worked out on every read by staff (it is not stored). */
export const readRedirectProblem: FieldHook = async ({ req, siblingData }) => {
  if (!userIsStaff(req.user)) return undefined
  return (await redirectProblem(req, siblingData as RedirectData)) ?? null
}
