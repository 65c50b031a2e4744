import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CardSection } from '@/components/CardSection'
import { MedicalReview } from '@/components/health/MedicalReview'
import { RedFlags } from '@/components/health/RedFlags'
import { References } from '@/components/health/References'
import { ArticleCard } from '@/components/cards/ArticleCard'
import { ExerciseCard } from '@/components/cards/ExerciseCard'
import { JsonLdScript } from '@/components/JsonLdScript'
import { RichText } from '@/components/rich-text/RichText'
import { ServiceCard } from '@/components/ServiceCard'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { MedicalDisclaimer } from '@/components/site/MedicalDisclaimer'
import { env } from '@/env'
import { populatedList } from '@/lib/cms/populated'
import { getCondition } from '@/lib/cms/queries'
import { currencyFor } from '@/lib/format'
import { conditionPage } from '@/lib/seo/json-ld'
import { metadataFor, siteSettings } from '@/lib/site'
import { socialImagePath } from '@/lib/og/social-image'

type Props = { params: Promise<{ slug: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  // Metadata never fails the page: without the CMS the page's own error message is shown instead.
  const condition = await getCondition(slug).catch(() => undefined)
  if (condition === undefined) return {}
  if (!condition) return { title: 'Condition not found' }
  return metadataFor({
    title: condition.meta?.title || condition.name,
    description: condition.meta?.description || condition.summary,
    path: `/conditions/${slug}`,
    image: condition.meta?.image,
    generatedImage: socialImagePath('conditions', slug, condition.updatedAt),
  })
}

export default async function ConditionPage({ params }: Props) {
  const { slug } = await params
  const [condition, settings] = await Promise.all([getCondition(slug), siteSettings()])
  if (!condition) notFound()

  const services = populatedList(condition.relatedServices)
  const exercises = populatedList(condition.relatedExercises)
  const articles = populatedList(condition.relatedArticles)
  const currency = currencyFor(settings?.address.country)
  const path = `/conditions/${slug}`

  return (
    <article className="container container--narrow">
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: condition.name, path },
        ]}
      />
      <h1>{condition.name}</h1>
      <p className="lead">{condition.summary}</p>

      <MedicalReview reviewer={condition.medicalReviewer} reviewedAt={condition.reviewedAt} nextReviewDue={condition.nextReviewDue} />

      {condition.redFlags?.length ? (
        <RedFlags id="condition-red-flags" title="When to see a doctor" flags={condition.redFlags.map((row) => row.flag)} />
      ) : null}

      <section className="section" aria-labelledby="condition-what">
        <h2 id="condition-what">What it is</h2>
        <RichText value={condition.whatItIs} />
      </section>

      <section className="section" aria-labelledby="condition-symptoms">
        <h2 id="condition-symptoms">Symptoms</h2>
        <ul>
          {condition.symptoms.map((row, index) => (
            <li key={row.id ?? index}>{row.symptom}</li>
          ))}
        </ul>
      </section>

      {condition.causes?.length ? (
        <section className="section" aria-labelledby="condition-causes">
          <h2 id="condition-causes">Common causes</h2>
          <dl className="causes">
            {condition.causes.map((row, index) => (
              <div key={row.id ?? index}>
                <dt>{row.cause}</dt>
                {row.detail ? <dd>{row.detail}</dd> : null}
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <CardSection id="condition-services" heading="Massage that can help" items={services}>
        {(service) => <ServiceCard key={service.id} service={service} currency={currency} />}
      </CardSection>

      <CardSection id="condition-exercises" heading="Exercises to try at home" items={exercises}>
        {(exercise) => <ExerciseCard key={exercise.id} exercise={exercise} />}
      </CardSection>

      <CardSection id="condition-articles" heading="Read more" items={articles}>
        {(article) => <ArticleCard key={article.id} article={article} />}
      </CardSection>

      <References sources={condition.sources} />
      <MedicalDisclaimer text={settings?.medicalDisclaimer} />
      <BookingCta bookingUrl={settings?.bookingUrl ?? '/book'} />
      <JsonLdScript data={conditionPage(condition, `${env.siteUrl}${path}`, env.siteUrl)} />
    </article>
  )
}
