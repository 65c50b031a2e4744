import type { Metadata } from 'next'
import { ServiceCard } from '@/components/ServiceCard'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { listServices } from '@/lib/cms/queries'
import { currencyFor } from '@/lib/format'
import { metadataFor, siteSettings } from '@/lib/site'

export function generateMetadata(): Promise<Metadata> {
  return metadataFor({
    title: 'Massage services and prices',
    description: 'Deep tissue, Swedish, neuromuscular, myofascial release and hot stone massage: what each is for, how it feels and what it costs.',
    path: '/services',
  })
}

export default async function ServicesPage() {
  const [services, settings] = await Promise.all([listServices(), siteSettings()])
  const currency = currencyFor(settings?.address.country)
  return (
    <div className="container">
      <Breadcrumbs crumbs={[{ name: 'Home', path: '/' }, { name: 'Services', path: '/services' }]} />
      <h1>Massage services</h1>
      <p className="lead">Every session is tailored to you. Prices include time to talk through your needs.</p>
      {services.length === 0 ? (
        <p>Our services will be listed here soon.</p>
      ) : (
        <div className="grid">
          {services.map((service) => (
            <ServiceCard key={service.id} service={service} currency={currency} headingLevel={2} />
          ))}
        </div>
      )}
      <BookingCta bookingUrl={settings?.bookingUrl ?? '/book'} />
    </div>
  )
}
