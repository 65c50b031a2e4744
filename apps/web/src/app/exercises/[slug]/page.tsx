import type { Metadata } from 'next'
import { Link } from '@/components/Link'
import { notFound } from 'next/navigation'
import { CmsImage } from '@/components/CmsImage'
import { MedicalReview } from '@/components/health/MedicalReview'
import { PrintButton } from '@/components/health/PrintButton'
import { References } from '@/components/health/References'
import { JsonLdScript } from '@/components/JsonLdScript'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { MedicalDisclaimer } from '@/components/site/MedicalDisclaimer'
import { env } from '@/env'
import { populatedList } from '@/lib/cms/populated'
import { getExercise } from '@/lib/cms/queries'
import { difficultyLabels } from '@/lib/format'
import { imageSource } from '@/lib/media'
import { exercisePage } from '@/lib/seo/json-ld'
import { metadataFor, siteSettings } from '@/lib/site'
import { socialImagePath } from '@/lib/og/social-image'

type Props = { params: Promise<{ slug: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  // Metadata never fails the page: without the CMS the page's own error message is shown instead.
  const exercise = await getExercise(slug).catch(() => undefined)
  if (exercise === undefined) return {}
  if (!exercise) return { title: 'Exercise not found' }
  return metadataFor({
    title: exercise.meta?.title || exercise.name,
    description: exercise.meta?.description || exercise.summary,
    path: `/exercises/${slug}`,
    image: exercise.meta?.image,
    generatedImage: socialImagePath('exercises', slug, exercise.updatedAt),
  })
}

export default async function ExercisePage({ params }: Props) {
  const { slug } = await params
  const [exercise, settings] = await Promise.all([getExercise(slug), siteSettings()])
  if (!exercise) notFound()

  const path = `/exercises/${slug}`
  const image = typeof exercise.image === 'object' && exercise.image ? exercise.image : undefined
  const conditions = populatedList(exercise.conditions)
  const dose = [
    exercise.sets ? { term: 'Sets', value: String(exercise.sets) } : undefined,
    exercise.reps ? { term: 'Repetitions', value: String(exercise.reps) } : undefined,
    exercise.holdSeconds ? { term: 'Hold', value: `${exercise.holdSeconds} seconds` } : undefined,
    { term: 'How often', value: exercise.frequency },
  ].filter((row) => row !== undefined)

  return (
    <article className="container container--narrow exercise">
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Exercises', path: '/exercises' },
          { name: exercise.name, path },
        ]}
      />
      <h1>{exercise.name}</h1>
      <p className="lead">{exercise.summary}</p>
      <p className="card__meta">
        {exercise.targetArea} · {difficultyLabels[exercise.difficulty]}
        {exercise.equipment?.length ? ` · You need: ${exercise.equipment.map((row) => row.item).join(', ')}` : ''}
      </p>
      <MedicalReview reviewer={exercise.medicalReviewer} reviewedAt={exercise.reviewedAt} nextReviewDue={exercise.nextReviewDue} />
      <PrintButton />

      <aside className="safety" aria-labelledby="exercise-safety">
        <h2 id="exercise-safety">Safety first</h2>
        <p>{exercise.safetyNotes}</p>
        {exercise.stopIf?.length ? (
          <>
            <p>
              <strong>Stop straight away if:</strong>
            </p>
            <ul>
              {exercise.stopIf.map((row, index) => (
                <li key={row.id ?? index}>{row.warning}</li>
              ))}
            </ul>
          </>
        ) : null}
      </aside>

      <dl className="dose">
        {dose.map((row) => (
          <div key={row.term}>
            <dt>{row.term}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>

      <CmsImage media={image} size="card" sizes="(min-width: 48rem) 40rem, 100vw" className="exercise__image" />

      <section aria-labelledby="exercise-steps">
        <h2 id="exercise-steps">Steps</h2>
        <ol className="steps">
          {exercise.steps.map((step, index) => (
            <li key={step.id ?? index}>
              <p>{step.instruction}</p>
              <CmsImage media={step.image} size="card" sizes="(min-width: 48rem) 20rem, 100vw" />
            </li>
          ))}
        </ol>
      </section>

      {exercise.videoUrl && /^https?:\/\//.test(exercise.videoUrl) ? (
        <p className="no-print">
          <a href={exercise.videoUrl}>Watch a video of this exercise</a>
        </p>
      ) : null}

      {conditions.length > 0 ? (
        <p className="no-print">
          Helpful for:{' '}
          {conditions.map((condition, index) => (
            <span key={condition.id}>
              {index > 0 ? ', ' : ''}
              <Link href={`/conditions/${condition.slug}`}>{condition.name}</Link>
            </span>
          ))}
        </p>
      ) : null}

      <p className="print-hint no-print">Tip: print this page to keep the steps beside you; it fits on one sheet.</p>
      <References sources={exercise.sources} />
      <MedicalDisclaimer text={settings?.medicalDisclaimer} />
      <div className="no-print">
        <BookingCta bookingUrl={settings?.bookingUrl ?? '/book'} text="A therapist can check your form and tailor exercises to you." />
      </div>
      <JsonLdScript data={exercisePage(exercise, `${env.siteUrl}${path}`, env.siteUrl, imageSource(image, 'og', env.cmsUrl)?.src)} />
    </article>
  )
}
