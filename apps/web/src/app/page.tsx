import type { Metadata } from 'next'
import { CardSection } from '@/components/CardSection'
import { Link } from '@/components/Link'
import { ButtonLink } from '@/components/ButtonLink'
import { ArticleCard } from '@/components/cards/ArticleCard'
import { ServiceCard } from '@/components/ServiceCard'
import { BookingCta } from '@/components/site/BookingCta'
import { OpeningHours } from '@/components/site/OpeningHours'
import { listArticles, listConditions, listServices } from '@/lib/cms/queries'
import { currencyFor } from '@/lib/format'
import { clinicName, metadataFor, siteSettings } from '@/lib/site'

export async function generateMetadata(): Promise<Metadata> {
  const [name, settings] = await Promise.all([clinicName(), siteSettings()])
  const metadata = await metadataFor({
    title: name,
    description: settings?.tagline ?? 'Registered massage therapy, home exercises and health articles.',
    path: '/',
  })
  return { ...metadata, title: { absolute: name } }
}

export default async function HomePage() {
  const [settings, services, articles, conditions] = await Promise.all([
    siteSettings(),
    listServices(),
    listArticles(3),
    listConditions(),
  ])
  const name = settings?.clinicName ?? 'Our clinic'
  const bookingUrl = settings?.bookingUrl ?? '/book'
  const currency = currencyFor(settings?.address.country)
  const hub = conditions.find((condition) => condition.slug === 'sciatica') ?? conditions[0]

  return (
    <>
      <section className="hero hero--home">
        <div className="hero__text container">
          <h1>{name}</h1>
          <p className="hero__lead">{settings?.tagline ?? 'Registered massage therapy for pain, tension and recovery.'}</p>
          <div className="button-row">
            <ButtonLink href={bookingUrl}>Book an appointment</ButtonLink>
            <ButtonLink href="/services" variant="secondary">
              Our services
            </ButtonLink>
          </div>
        </div>
      </section>

      <div className="container">
        {services.length > 0 ? (
          <section className="section" aria-labelledby="home-services">
            <h2 id="home-services">Massage services</h2>
            <div className="grid">
              {services.slice(0, 3).map((service, index) => (
                <ServiceCard key={service.id} service={service} currency={currency} priority={index === 0} />
              ))}
            </div>
            <p>
              <Link href="/services">All {services.length} services and prices</Link>
            </p>
          </section>
        ) : null}

        {hub ? (
          <section className="section feature" aria-labelledby="home-hub">
            <p className="kicker">Condition guide</p>
            <h2 id="home-hub">
              <Link href={`/conditions/${hub.slug}`}>Living with {hub.name.toLowerCase()}</Link>
            </h2>
            <p>{hub.summary}</p>
            <p>
              <Link href={`/conditions/${hub.slug}`}>What it is, what helps, and when to see a doctor</Link>
            </p>
          </section>
        ) : null}

        <CardSection
          id="home-articles"
          heading="Latest articles"
          items={articles}
          footer={
            <p>
              <Link href="/articles">All articles</Link>
            </p>
          }
        >
          {(article) => <ArticleCard key={article.id} article={article} />}
        </CardSection>

        {settings?.openingHours?.length ? (
          <section className="section">
            {/* Not a labelled region: the footer's "Opening hours" region is on every page, and two
                landmarks with one name confuse screen-reader navigation (axe landmark-unique). */}
            <h2 id="home-hours">Opening hours</h2>
            <OpeningHours rows={settings.openingHours} />
          </section>
        ) : null}

        <BookingCta bookingUrl={bookingUrl} />
      </div>
    </>
  )
}
