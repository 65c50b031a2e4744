import type { TaskConfig } from 'payload'
import { env } from '@/env'
import { dueSoonDays, findReviewsDue, type ReviewDue } from '@/lib/medical-review'

/** The queue the weekly reminder runs on; the config's autoRun polls it. */
export const weeklyQueue = 'weekly'

/** Every Monday at 07:00 (server time): a week's notice before anything lapses unnoticed. */
export const weeklyCron = '0 7 * * 1'

const labels = { articles: 'Article', conditions: 'Condition', exercises: 'Exercise' } as const

const day = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso))
    : 'never'

/** The email's plain text: one line per page with its status and a link to edit it. */
export function reviewsDueText(rows: ReviewDue[], adminUrl: string): string {
  const lines = rows.map(
    (row) =>
      `- ${row.overdue ? 'OVERDUE' : 'Due soon'}: ${row.title} (${labels[row.collection]}), last reviewed ${day(row.reviewedAt)}, ` +
      `next review due ${day(row.nextReviewDue)}\n  ${adminUrl}/collections/${row.collection}/${row.id}`,
  )
  return [
    `These published health pages need a medical review (overdue, or due within ${dueSoonDays} days):`,
    '',
    ...lines,
    '',
    `The full list: ${adminUrl}/reviews-due`,
    'A page whose review has lapsed cannot be published again until it is re-reviewed and its "Reviewed on" date updated.',
  ].join('\n')
}

/**
 * Weekly: emails every editor the list of health pages whose review is overdue or due soon,
 * and nothing when the list is empty.
 */
export const emailReviewsDue: TaskConfig = {
  slug: 'emailReviewsDue',
  label: 'Email editors the medical reviews that are due',
  schedule: [{ cron: weeklyCron, queue: weeklyQueue }],
  retries: 2,
  outputSchema: [
    { name: 'pages', type: 'number', required: true },
    { name: 'emailsSent', type: 'number', required: true },
  ],
  handler: async ({ req }) => {
    const rows = await findReviewsDue(req.payload, req)
    if (rows.length === 0) return { output: { pages: 0, emailsSent: 0 } }
    const { docs: editors } = await req.payload.find({
      collection: 'users',
      where: { role: { equals: 'editor' } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const adminUrl = `${env.serverUrl}${req.payload.config.routes.admin}`
    const overdue = rows.filter((row) => row.overdue).length
    const subject =
      overdue > 0
        ? `Medical reviews: ${overdue} overdue, ${rows.length - overdue} due soon`
        : `Medical reviews: ${rows.length} due in the next ${dueSoonDays} days`
    const text = reviewsDueText(rows, adminUrl)
    let emailsSent = 0
    for (const editor of editors as { email?: string }[]) {
      if (!editor.email) continue
      await req.payload.sendEmail({ to: editor.email, subject, text })
      emailsSent += 1
    }
    if (emailsSent === 0) req.payload.logger.warn(`reviews due: ${rows.length} pages need a review, but there is no editor account to tell`)
    return { output: { pages: rows.length, emailsSent } }
  },
}
