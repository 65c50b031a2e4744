import type { ServiceEmbedBlock } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { populated } from '@/lib/cms/populated'
import { pressureLabels } from '@/lib/format'

/** A card for a massage service inside an article, linking to the service page. */
export function ServiceEmbed({ block }: { block: ServiceEmbedBlock }) {
  const service = populated(block.service)
  if (!service?.slug) return null
  return (
    <section className="embed embed--service" aria-labelledby={`embed-${block.id ?? service.id}`}>
      <p className="embed__kicker">Massage service · {pressureLabels[service.pressureLevel]} pressure</p>
      <h3 className="embed__title" id={`embed-${block.id ?? service.id}`}>
        <Link href={`/services/${service.slug}`}>{service.name}</Link>
      </h3>
      <p>{service.summary}</p>
      {block.note ? <p className="embed__note">{block.note}</p> : null}
    </section>
  )
}
