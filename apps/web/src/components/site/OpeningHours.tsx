import type { SiteSetting } from '@clinic/cms-types'
import { formatDays } from '@/lib/format'

type Rows = NonNullable<SiteSetting['openingHours']>

/** Opening hours as a definition list: days, then times. */
export function OpeningHours({ rows }: { rows: Rows }) {
  return (
    <dl className="hours">
      {rows.map((row, index) => (
        <div key={row.id ?? index}>
          <dt>{formatDays(row.days)}</dt>
          <dd>
            {row.opens}–{row.closes}
          </dd>
        </div>
      ))}
    </dl>
  )
}
