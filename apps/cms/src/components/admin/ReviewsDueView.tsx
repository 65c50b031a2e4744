import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { userIsStaff } from '@/access'
import { dueSoonDays, reviewIntervalMonths, reviewsDue } from '@/lib/medical-review'
import { AdminTable } from './AdminTable'

const labels = { articles: 'Article', conditions: 'Condition', exercises: 'Exercise' } as const

function formatDay(iso: string | null): string {
  if (!iso) return 'never'
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso))
}

/** At most this many rows: a large archive never reviewed would otherwise draw thousands. */
const listed = 500

/** Admin view: published health content whose medical review is overdue or due within 30 days. */
export async function ReviewsDueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  if (!userIsStaff(req.user)) redirect('/admin/login')
  const [{ count, rows }, interval] = await Promise.all([reviewsDue(req.payload, req, new Date(), listed), reviewIntervalMonths(req.payload, req)])
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
          {count > rows.length ? <p>The first {rows.length} are listed: never reviewed first, then the most overdue.</p> : null}
          <AdminTable
            className="reviews-due__table"
            caption={`${count} ${count === 1 ? 'page needs' : 'pages need'} a review`}
            rows={rows}
            rowKey={(row) => `${row.collection}-${row.id}`}
            empty="Nothing is due: every published health page has a current review."
            columns={[
              { header: 'Page', cell: (row) => row.title || '(untitled)', href: (row) => `${adminRoute}/collections/${row.collection}/${row.id}`, rowHeader: true },
              { header: 'Type', cell: (row) => labels[row.collection] },
              { header: 'Last reviewed', cell: (row) => formatDay(row.reviewedAt) },
              { header: 'Next review due', cell: (row) => formatDay(row.nextReviewDue) },
              {
                header: 'Status',
                cell: (row) => (
                  <span className={row.overdue ? 'reviews-due__status reviews-due__status--overdue' : 'reviews-due__status'}>
                    {row.overdue ? 'Overdue' : 'Due soon'}
                  </span>
                ),
              },
            ]}
          />
        </main>
      </Gutter>
    </DefaultTemplate>
  )
}
