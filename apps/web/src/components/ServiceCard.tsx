import type { Service } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { CmsImage } from '@/components/CmsImage'
import { formatPrice, pressureLabels } from '@/lib/format'

/** A service in a grid: image, name, summary, from-price and pressure. */
export function ServiceCard({
  service,
  currency,
  headingLevel = 3,
  priority = false,
}: {
  service: Service
  currency: string
  headingLevel?: 2 | 3
  /** The first card near the top of a page: its image is likely the largest thing on a phone screen. */
  priority?: boolean
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const cheapest = service.durations.reduce<Service['durations'][number] | undefined>(
    (best, row) => (!best || row.price < best.price ? row : best),
    undefined,
  )
  return (
    <article className="card">
      <CmsImage
        media={service.image}
        size="card"
        sizes="(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw"
        priority={priority}
        className="card__image"
      />
      <div className="card__body">
        <Heading className="card__title">
          <Link href={`/services/${service.slug}`}>{service.name}</Link>
        </Heading>
        <p>{service.summary}</p>
        <p className="card__meta">
          {cheapest ? <>From {formatPrice(cheapest.price, currency)} · {cheapest.minutes} min · </> : null}
          {pressureLabels[service.pressureLevel]} pressure
        </p>
      </div>
    </article>
  )
}
