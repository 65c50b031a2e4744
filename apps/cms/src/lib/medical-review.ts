import type { Payload, PayloadRequest, Where } from 'payload'

/** The collections whose pages give health advice, and so need a medical review to be published. */
export const healthCollections = ['articles', 'conditions', 'exercises'] as const
export type HealthCollection = (typeof healthCollections)[number]

/** Months a medical review stays valid unless site settings say otherwise. */
export const defaultReviewIntervalMonths = 12

/** How far ahead the "due soon" list looks. */
export const dueSoonDays = 30

const day = 24 * 60 * 60 * 1000

/**
 * A date-only field is stored at midday of the day picked in the editor's time zone, so a review
 * done "today" can be up to ~14 hours ahead of the server's clock. Only later than that is the future.
 */
const futureGraceMs = 14 * 60 * 60 * 1000

/** `date` plus whole calendar months, in UTC (31 January + 1 month = 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime())
  const dayOfMonth = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(dayOfMonth, lastDay))
  return result
}

/** When a review done on `reviewedAt` lapses. */
export function nextReviewDue(reviewedAt: string | Date | null | undefined, intervalMonths: number): Date | undefined {
  if (!reviewedAt) return undefined
  const reviewed = new Date(reviewedAt)
  if (Number.isNaN(reviewed.getTime())) return undefined
  return addMonths(reviewed, intervalMonths)
}

const contextKey = 'clinicReviewIntervalMonths'

/** The review interval from site settings (12 months when unset), read once per request. */
export async function reviewIntervalMonths(payload: Payload, req?: PayloadRequest): Promise<number> {
  const cached = req?.context?.[contextKey]
  if (typeof cached === 'number') return cached
  let months = defaultReviewIntervalMonths
  try {
    const settings = (await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })) as {
      reviewIntervalMonths?: unknown
    }
    const value = Number(settings?.reviewIntervalMonths)
    if (Number.isInteger(value) && value > 0) months = value
  } catch {
    // Settings not readable yet (first start): the default applies.
  }
  if (req?.context) req.context[contextKey] = months
  return months
}

/** One thing stopping a document from being published, on the field an editor has to change. */
export type ReviewProblem = { path: 'medicalReviewer' | 'reviewedAt'; message: string }

type ReviewState = {
  reviewer: { name?: string; clinicalCredentials?: unknown[] | null } | null | undefined
  reviewerId: unknown
  reviewedAt: string | null | undefined
  intervalMonths: number
  now?: Date
}

function formatDay(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

/** Why this review would not allow publishing; empty when it does. */
export function reviewProblems({ reviewer, reviewerId, reviewedAt, intervalMonths, now = new Date() }: ReviewState): ReviewProblem[] {
  const problems: ReviewProblem[] = []
  if (reviewerId === null || reviewerId === undefined || reviewerId === '') {
    problems.push({
      path: 'medicalReviewer',
      message: 'Add a medical reviewer: the team member with a clinical credential who checked this page.',
    })
  } else if (!reviewer) {
    problems.push({ path: 'medicalReviewer', message: 'The medical reviewer chosen no longer exists: choose another team member.' })
  } else if (!reviewer.clinicalCredentials?.length) {
    problems.push({
      path: 'medicalReviewer',
      message:
        `${reviewer.name ?? 'This team member'} has no clinical credential, so cannot be the medical reviewer: ` +
        'choose a reviewer with one, or add their credential to their team profile.',
    })
  }
  const reviewed = reviewedAt ? new Date(reviewedAt) : undefined
  if (!reviewed || Number.isNaN(reviewed.getTime())) {
    problems.push({ path: 'reviewedAt', message: 'Add the date of the medical review ("Reviewed on").' })
  } else if (reviewed.getTime() > now.getTime() + futureGraceMs) {
    problems.push({
      path: 'reviewedAt',
      message: `The reviewed date (${formatDay(reviewed)}) is in the future: enter the day the review actually took place.`,
    })
  } else {
    const due = addMonths(reviewed, intervalMonths)
    if (due.getTime() < now.getTime()) {
      problems.push({
        path: 'reviewedAt',
        message:
          `The medical review of ${formatDay(reviewed)} lapsed on ${formatDay(due)} (reviews last ${intervalMonths} months): ` +
          'have the page reviewed again and enter the new date.',
      })
    }
  }
  return problems
}

/** The id inside a relationship value, populated or not. */
export function relationId(value: unknown): string | number | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return (value as { id?: string | number }).id
  return value as string | number
}

/** A published health document whose review is overdue or falls due soon. */
export type ReviewDue = {
  collection: HealthCollection
  id: string | number
  title: string
  reviewedAt: string | null
  nextReviewDue: string | null
  overdue: boolean
}

const titleField: Record<HealthCollection, 'title' | 'name'> = { articles: 'title', conditions: 'name', exercises: 'name' }

/**
 * Published health documents whose review is overdue or due within `dueSoonDays`, soonest first.
 * A review is due `intervalMonths` after it took place, so "due by the cut-off" is "reviewed on or
 * before the cut-off minus the interval": one query on the stored date, whatever the interval.
 */
export async function findReviewsDue(payload: Payload, req?: PayloadRequest, now = new Date()): Promise<ReviewDue[]> {
  return (await reviewsDue(payload, req, now)).rows
}

/**
 * The same, for the dashboard: how many are due (a count query) and only the first `limit`, so it
 * reads a handful of rows however large the archive is (sorted on the stored review date, never-
 * reviewed first: the due date grows with it). Without a limit, every row.
 */
export async function reviewsDue(
  payload: Payload,
  req?: PayloadRequest,
  now = new Date(),
  limit?: number,
): Promise<{ count: number; rows: ReviewDue[] }> {
  const interval = await reviewIntervalMonths(payload, req)
  const horizon = new Date(now.getTime() + dueSoonDays * day)
  const reviewedBy = addMonths(horizon, -interval)
  const where: Where = {
    and: [
      { _status: { equals: 'published' } },
      { or: [{ reviewedAt: { less_than_equal: reviewedBy.toISOString() } }, { reviewedAt: { exists: false } }] },
    ],
  }
  const rows: ReviewDue[] = []
  let count = 0
  for (const collection of healthCollections) {
    const field = titleField[collection]
    // With a limit, one paginated query gives the first rows and the total (its count query).
    const { docs, totalDocs } = await payload.find({
      collection,
      where,
      depth: 0,
      limit: limit ?? 0,
      pagination: limit !== undefined,
      sort: 'reviewedAt',
      overrideAccess: true,
      select: { [field]: true, reviewedAt: true },
      req,
    })
    count += limit === undefined ? docs.length : totalDocs
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      const reviewedAt = typeof doc.reviewedAt === 'string' ? doc.reviewedAt : null
      const due = nextReviewDue(reviewedAt, interval)
      rows.push({
        collection,
        id: doc.id as string | number,
        title: String(doc[field] ?? ''),
        reviewedAt,
        nextReviewDue: due ? due.toISOString() : null,
        overdue: !due || due.getTime() < now.getTime(),
      })
    }
  }
  // Never-reviewed first, then by due date.
  rows.sort((a, b) => (a.nextReviewDue ?? '').localeCompare(b.nextReviewDue ?? ''))
  return { count, rows: limit === undefined ? rows : rows.slice(0, limit) }
}
