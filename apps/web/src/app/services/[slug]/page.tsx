import type { Metadata } from 'next'
import { Link } from '@/components/Link'
import { notFound } from 'next/navigation'
import { ButtonLink } from '@/components/ButtonLink'
import { CmsImage } from '@/components/CmsImage'
import { JsonLdScript } from '@/components/JsonLdScript'
import { RichText } from '@/components/rich-text/RichText'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { MedicalDisclaimer } from '@/components/site/MedicalDisclaimer'
import { env } from '@/env'
import { populatedList } from '@/lib/cms/populated'
import { getService } from '@/lib/cms/queries'
import { currencyFor, formatPrice, pressureLabels } from '@/lib/format'
import { imageSource } from '@/lib/media'
import { service as serviceJsonLd } from '@/lib/seo/json-ld'
import { metadataFor, siteSettings } from '@/lib/site'
import { socialImagePath } from '@/lib/og/social-image'

type Props = { params: Promise<{ slug: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  // Metadata never fails the page: without the CMS the page's own error message is shown instead.
  const service = await getService(slug).catch(() => undefined)
  if (service === undefined) return {}
  if (!service) return { title: 'Service not found' }
  return metadataFor({
    title: service.meta?.title || service.name,
    description: service.meta?.description || service.summary,
    path: `/services/${slug}`,
    image: service.meta?.image,
    generatedImage: socialImagePath('services', slug, service.updatedAt),
  })
}

export default async function ServicePage({ params }: Props) {
  const { slug } = await params
  const [service, settings] = await Promise.all([getService(slug), siteSettings()])
  if (!service) notFound()

  const currency = currencyFor(settings?.address.country)
  const bookingUrl = service.bookingUrl || settings?.bookingUrl || '/book'
  const conditions = populatedList(service.suitableFor)
  const path = `/services/${slug}`
  const image = typeof service.image === 'object' && service.image ? service.image : undefined

  return (
    <article className="container container--narrow">
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Services', path: '/services' },
          { name: service.name, path },
        ]}
      />
      <h1>{service.name}</h1>
      <p className="lead">{service.summary}</p>
      <CmsImage media={image} size="hero" sizes="(min-width: 48rem) 46rem, 100vw" priority className="article-hero" />

      <section className="facts" aria-labelledby="service-prices">
        <h2 id="service-prices">Prices</h2>
        <table className="prices">
          <caption className="visually-hidden">Session lengths and prices</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Price</th>
            </tr>
          </thead>
          <tbody>
            {service.durations.map((row, index) => (
              <tr key={row.id ?? index}>
                <td>{row.minutes} minutes</td>
                <td>{formatPrice(row.price, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <strong>Pressure:</strong> {pressureLabels[service.pressureLevel]}
        </p>
        <ButtonLink href={bookingUrl}>Book {service.name.toLowerCase()}</ButtonLink>
      </section>

      <RichText value={service.description} />

      {service.benefits?.length ? (
        <section className="section" aria-labelledby="service-benefits">
          <h2 id="service-benefits">Benefits</h2>
          <ul>
            {service.benefits.map((row, index) => (
              <li key={row.id ?? index}>{row.benefit}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {service.whatToExpect ? (
        <section className="section" aria-labelledby="service-expect">
          <h2 id="service-expect">What to expect</h2>
          {service.whatToExpect.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      ) : null}

      {conditions.length > 0 ? (
        <section className="section" aria-labelledby="service-suits">
          <h2 id="service-suits">Who it suits</h2>
          <ul>
            {conditions.map((condition) => (
              <li key={condition.id}>
                <Link href={`/conditions/${condition.slug}`}>{condition.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {service.contraindications?.length ? (
        <section className="section notice" aria-labelledby="service-contra">
          <h2 id="service-contra">When this massage is not suitable</h2>
          <p>Tell your therapist before booking if any of these apply to you:</p>
          <ul>
            {service.contraindications.map((row, index) => (
              <li key={row.id ?? index}>{row.item}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <MedicalDisclaimer text={settings?.medicalDisclaimer} />
      <section className="cta" aria-labelledby="booking-cta">
        <h2 id="booking-cta">Book {service.name.toLowerCase()}</h2>
        <p>Choose a time that suits you; we will confirm your appointment.</p>
        <ButtonLink href={bookingUrl}>Book an appointment</ButtonLink>
      </section>
      <JsonLdScript data={serviceJsonLd(service, `${env.siteUrl}${path}`, env.siteUrl, currency, imageSource(image, 'og', env.cmsUrl)?.src)} />
    </article>
  )
}
