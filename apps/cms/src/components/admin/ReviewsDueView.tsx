import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { userIsStaff } from '@/access'
import { dueSoonDays, findReviewsDue, reviewIntervalMonths } from '@/lib/medical-review'

const labels = { articles: 'Article', conditions: 'Condition', exercises: 'Exercise' } as const

function formatDay(iso: string | null): string {
  if (!iso) return 'never'
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso))
}

/** Admin view: published health content whose medical review is overdue or due within 30 days. */
export async function ReviewsDueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  if (!userIsStaff(req.user)) redirect('/admin/login')
  const [rows, interval] = await Promise.all([findReviewsDue(req.payload, req), reviewIntervalMonths(req.payload, req)])
  const adminRoute = req.payload.config.routes.admin
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <main className="reviews-due" aria-labelledby="reviews-due-heading">
          <h1 id="reviews-due-heading">Medical reviews due</h1>
          <p>
            Published articles, conditions and exercises whose medical review is overdue or falls due in the next {dueSoonDays} days.
            A review lasts {interval} months (site settings). An overdue page cannot be published again until it is re-reviewed.
          </p>
          {rows.length === 0 ? (
            <p role="status">Nothing is due: every published health page has a current review.</p>
          ) : (
            <table className="reviews-due__table">
              <caption className="reviews-due__caption">{rows.length} {rows.length === 1 ? 'page needs' : 'pages need'} a review</caption>
              <thead>
                <tr>
                  <th scope="col">Page</th>
                  <th scope="col">Type</th>
                  <th scope="col">Last reviewed</th>
                  <th scope="col">Next review due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.collection}-${row.id}`}>
                    <th scope="row">
                      <Link href={`${adminRoute}/collections/${row.collection}/${row.id}`}>{row.title || '(untitled)'}</Link>
                    </th>
                    <td>{labels[row.collection]}</td>
                    <td>{formatDay(row.reviewedAt)}</td>
                    <td>{formatDay(row.nextReviewDue)}</td>
                    <td>
                      <span className={row.overdue ? 'reviews-due__status reviews-due__status--overdue' : 'reviews-due__status'}>
                        {row.overdue ? 'Overdue' : 'Due soon'}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </main>
      </Gutter>
    </DefaultTemplate>
  )
}
