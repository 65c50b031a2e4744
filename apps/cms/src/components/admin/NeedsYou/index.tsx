import { createLocalReq, type ServerProps } from 'payload'
import { whatNeedsMe } from './data'

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })

function describe(detail: string | undefined): string | undefined {
  if (!detail) return undefined
  const date = new Date(detail)
  return /^\d{4}-\d{2}-\d{2}T/.test(detail) && !Number.isNaN(date.getTime()) ? when.format(date) : detail
}

/**
 * The top of the dashboard: "What needs you now", by role (see ./data). A server component in
 * Payload's `beforeDashboard` slot; each line links to its document.
 */
export async function NeedsYouNow({ payload, user }: ServerProps) {
  if (!user) return null
  const req = await createLocalReq({ user: user as never }, payload)
  const sections = await whatNeedsMe(req, payload.config.routes.admin)
  if (sections.length === 0) return null
  return (
    <section className="needs-you" aria-labelledby="needs-you-heading">
      <h2 id="needs-you-heading">What needs you now</h2>
      <ul className="needs-you__sections">
        {sections.map((section) => (
          <li key={section.key} className={`needs-you__section needs-you__section--${section.key}`} data-section={section.key}>
            <a href={section.href}>
              <strong>{section.count}</strong> {section.title}
            </a>
            {section.items.length > 0 ? (
              <ul>
                {section.items.map((item) => (
                  <li key={item.href + item.label}>
                    <a href={item.href}>{item.label}</a>
                    {item.detail ? <span className="needs-you__detail"> · {describe(item.detail)}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/going-out">What is going out</a> lists every scheduled change, draft and this month’s redirects.
      </p>
    </section>
  )
}
