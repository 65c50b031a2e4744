import type { Metadata } from 'next'
import { CardSection } from '@/components/CardSection'
import { Link } from '@/components/Link'
import { notFound } from 'next/navigation'
import { CmsImage } from '@/components/CmsImage'
import { MedicalReview } from '@/components/health/MedicalReview'
import { References } from '@/components/health/References'
import { ExerciseCard } from '@/components/cards/ExerciseCard'
import { JsonLdScript } from '@/components/JsonLdScript'
import { RichText } from '@/components/rich-text/RichText'
import { ServiceCard } from '@/components/ServiceCard'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { MedicalDisclaimer } from '@/components/site/MedicalDisclaimer'
import { env } from '@/env'
import { populated, populatedList } from '@/lib/cms/populated'
import { getArticle } from '@/lib/cms/queries'
import { currencyFor } from '@/lib/format'
import { imageSource } from '@/lib/media'
import { medicalWebPage } from '@/lib/seo/json-ld'
import { metadataFor, siteSettings } from '@/lib/site'
import { socialImagePath } from '@/lib/og/social-image'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first visit and cached until the CMS purges its tags: the build never needs the CMS.
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  // Metadata never fails the page: without the CMS the page's own error message is shown instead.
  const article = await getArticle(slug).catch(() => undefined)
  if (article === undefined) return {}
  if (!article) return { title: 'Article not found' }
  return metadataFor({
    title: article.meta?.title || article.title,
    description: article.meta?.description || article.excerpt,
    path: `/articles/${slug}`,
    image: article.meta?.image,
    generatedImage: socialImagePath('articles', slug, article.updatedAt),
    type: 'article',
    publishedTime: article.publishedAt,
    modifiedTime: article.updatedAt,
  })
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  const [article, settings] = await Promise.all([getArticle(slug), siteSettings()])
  if (!article) notFound()

  const author = populated(article.author)
  const services = populatedList(article.relatedServices)
  const exercises = populatedList(article.relatedExercises)
  const conditions = populatedList(article.conditions)
  const currency = currencyFor(settings?.address.country)
  const path = `/articles/${slug}`
  const heroImage = typeof article.heroImage === 'object' && article.heroImage ? article.heroImage : undefined

  return (
    <article className="container container--narrow">
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Articles', path: '/articles' },
          { name: article.title, path },
        ]}
      />
      <header className="article-header">
        <h1>{article.title}</h1>
        <p className="lead">{article.excerpt}</p>
        <dl className="byline">
          {author ? (
            <div>
              <dt>Written by</dt>
              <dd>
                <Link href={`/team#${author.slug}`}>{author.name}</Link>
                {author.credentials ? `, ${author.credentials}` : ''}
              </dd>
            </div>
          ) : null}
          {article.readingTime ? (
            <div>
              <dt>Reading time</dt>
              <dd>{article.readingTime} min</dd>
            </div>
          ) : null}
        </dl>
        <MedicalReview reviewer={article.medicalReviewer} reviewedAt={article.reviewedAt} nextReviewDue={article.nextReviewDue} />
      </header>
      {heroImage ? (
        // Not `priority`: on a phone the image starts below the title, lead and byline, so the largest
        // thing on the first screen is the lead paragraph; preloading the image would only slow it.
        <CmsImage media={heroImage} size="hero" sizes="(min-width: 48rem) 46rem, 100vw" className="article-hero" />
      ) : null}

      <RichText value={article.body} />

      {conditions.length > 0 ? (
        <p>
          More on{' '}
          {conditions.map((condition, index) => (
            <span key={condition.id}>
              {index > 0 ? ', ' : ''}
              <Link href={`/conditions/${condition.slug}`}>{condition.name.toLowerCase()}</Link>
            </span>
          ))}
          .
        </p>
      ) : null}

      <CardSection id="related-services" heading="Services that can help" items={services}>
        {(service) => <ServiceCard key={service.id} service={service} currency={currency} />}
      </CardSection>

      <CardSection id="related-exercises" heading="Exercises to try at home" items={exercises}>
        {(exercise) => <ExerciseCard key={exercise.id} exercise={exercise} />}
      </CardSection>

      <References sources={article.sources} />
      <MedicalDisclaimer text={settings?.medicalDisclaimer} />
      <BookingCta bookingUrl={settings?.bookingUrl ?? '/book'} />
      <JsonLdScript
        data={medicalWebPage(article, `${env.siteUrl}${path}`, env.siteUrl, imageSource(heroImage, 'og', env.cmsUrl)?.src)}
      />
    </article>
  )
}
