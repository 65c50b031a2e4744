import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { userIsEditorOrAdmin, userIsStaff } from '@/access'
import { failedSchedules, redirectsThisMonth, scheduledChanges, unpublishedDrafts, type GoingOutRow } from './data'
import { AdminTable } from '../AdminTable'
import { RetryButton } from '../RetryButton'

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
})

function RowsTable({
  caption,
  whenLabel,
  rows,
  empty,
  canRetry = false,
}: {
  caption: string
  whenLabel: string
  rows: GoingOutRow[]
  empty: string
  canRetry?: boolean
}) {
  const failures = rows.some((row) => row.failure)
  return (
    <AdminTable
      className="going-out__table"
      caption={caption}
      rows={rows}
      rowKey={(row) => row.key}
      empty={empty}
      columns={[
        { header: whenLabel, cell: (row) => (row.at ? <time dateTime={row.at}>{dateTime.format(new Date(row.at))}</time> : '—') },
        { header: 'What', cell: (row) => row.what },
        { header: 'Document', cell: (row) => row.title, href: (row) => row.href, rowHeader: true },
        { header: 'Kind', cell: (row) => row.collection },
        failures && {
          header: 'Why it failed',
          cell: (row) =>
            row.failure ? (
              <>
                <p className="going-out__reason">{row.failure.reason}</p>
                {canRetry ? <RetryButton endpoint={`/api/scheduled-publish/${encodeURIComponent(row.failure.jobId)}/retry`} label="Retry" doneMessage="Done." className="going-out__retry" /> : null}
              </>
            ) : null,
        },
      ]}
    />
  )
}

/**
 * "What is going out": for marketers, editors and admins, everything about to change on the site:
 * scheduled publishes and unpublishes, drafts waiting to be published, and this month's redirects.
 * Each row links to its document.
 */
export async function GoingOutView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  const allowed = userIsStaff(req.user)
  const [failed, scheduled, drafts, redirects] = allowed
    ? await Promise.all([failedSchedules(req, adminRoute), scheduledChanges(req, adminRoute), unpublishedDrafts(req, adminRoute), redirectsThisMonth(req, adminRoute)])
    : [[], [], [], []]

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="going-out">
        <h1>What is going out</h1>
        {allowed ? (
          <>
            <p>Everything about to change on the site. Open a row to change or cancel it.</p>
            {failed.length > 0 ? (
              <section aria-labelledby="going-out-failed">
                <h2 id="going-out-failed">Failed: did not go out</h2>
                <RowsTable
                  caption="Scheduled changes that failed at their time: fix the document, then retry"
                  whenLabel="Was due"
                  rows={failed}
                  empty=""
                  canRetry={userIsEditorOrAdmin(req.user)}
                />
              </section>
            ) : null}
            <section aria-labelledby="going-out-scheduled">
              <h2 id="going-out-scheduled">Scheduled</h2>
              <RowsTable
                caption="Scheduled publishes and unpublishes, soonest first"
                whenLabel="When"
                rows={scheduled}
                empty="Nothing is scheduled. On a document, open the arrow beside “Publish changes” and choose “Schedule Publish”."
              />
            </section>
            <section aria-labelledby="going-out-drafts">
              <h2 id="going-out-drafts">Drafts with unpublished changes</h2>
              <RowsTable caption="Drafts, last edited first" whenLabel="Last edited" rows={drafts} empty="Every draft is published." />
            </section>
            <section aria-labelledby="going-out-redirects">
              <h2 id="going-out-redirects">Redirects added this month</h2>
              <RowsTable caption="Redirects created this month, newest first" whenLabel="Added" rows={redirects} empty="No redirects were added this month." />
            </section>
          </>
        ) : (
          <p>Only clinic staff can see what is going out. Log in with a staff account.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

/** A link to the view in the admin's navigation. */
export function GoingOutNavLink() {
  return (
    <a className="nav__link going-out__nav-link" href="/admin/going-out">
      <span className="nav__link-label">What is going out</span>
    </a>
  )
}

/** A pointer to the view at the top of the dashboard. */
export function GoingOutDashboardLink() {
  return (
    <p className="going-out__dashboard-link">
      <a href="/admin/going-out">What is going out</a>: scheduled publishes, drafts waiting and this month’s redirects.
    </p>
  )
}
