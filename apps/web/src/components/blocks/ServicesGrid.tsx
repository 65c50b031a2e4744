import type { Service, ServicesGridBlock } from '@clinic/cms-types'
import { ServiceCard } from '@/components/ServiceCard'
import { populatedList } from '@/lib/cms/populated'

/** Services as cards: the ones picked in the CMS, or every published service when none are. */
export function ServicesGrid({ block, allServices, currency }: { block: ServicesGridBlock; allServices: Service[]; currency: string }) {
  const picked = populatedList(block.services)
  const services = picked.length > 0 ? picked : allServices
  if (services.length === 0) return null
  return (
    <section className="section">
      {block.heading ? <h2>{block.heading}</h2> : null}
      <div className="grid">
        {services.map((service) => (
          <ServiceCard key={service.id} service={service} currency={currency} />
        ))}
      </div>
    </section>
  )
}
