import type { BeforeListTableServerProps } from 'payload'

const base = '/admin/collections/appointment-requests'
const statuses = [
  { value: 'new', label: 'New' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'booked', label: 'Booked' },
  { value: 'closed', label: 'Closed' },
] as const

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString()

/**
 * Above the requests list: how many requests are new, and one-click filters by status and by date
 * (Payload's own "Filters" button refines them further).
 */
export async function RequestFilters({ payload, user }: BeforeListTableServerProps) {
  const { totalDocs: newCount } = await payload.count({
    collection: 'appointment-requests',
    where: { status: { equals: 'new' } },
    user,
    overrideAccess: false,
  })
  const link = (query: string, label: string) => (
    <a href={`${base}?${query}`} style={{ marginRight: '1rem' }}>
      {label}
    </a>
  )
  return (
    <div style={{ marginBottom: '1rem' }} className="appointment-request-filters">
      <p style={{ fontSize: '1.1rem', margin: '0 0 0.5rem' }}>
        <strong data-testid="new-request-count">{newCount}</strong> new {newCount === 1 ? 'request' : 'requests'} waiting for a reply.
      </p>
      <nav aria-label="Filter requests">
        <span style={{ marginRight: '0.75rem' }}>Status:</span>
        {link('', 'All')}
        {statuses.map((status) => (
          <span key={status.value}>{link(`where[status][equals]=${status.value}`, status.label)}</span>
        ))}
        <span style={{ margin: '0 0.75rem 0 1rem' }}>Received:</span>
        {link(`where[createdAt][greater_than_equal]=${encodeURIComponent(daysAgo(1))}`, 'Last 24 hours')}
        {link(`where[createdAt][greater_than_equal]=${encodeURIComponent(daysAgo(7))}`, 'Last 7 days')}
        {link(`where[createdAt][greater_than_equal]=${encodeURIComponent(daysAgo(30))}`, 'Last 30 days')}
      </nav>
    </div>
  )
}
