import type { Metadata } from 'next'
import { ExerciseCard } from '@/components/cards/ExerciseCard'
import { BookingCta } from '@/components/site/BookingCta'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { MedicalDisclaimer } from '@/components/site/MedicalDisclaimer'
import { listExercises } from '@/lib/cms/queries'
import { metadataFor, siteSettings } from '@/lib/site'

export function generateMetadata(): Promise<Metadata> {
  return metadataFor({
    title: 'Home exercises',
    description: 'Gentle stretches and nerve glides to do at home, step by step, with safety notes and a printable page for each.',
    path: '/exercises',
  })
}

export default async function ExercisesPage() {
  const [exercises, settings] = await Promise.all([listExercises(), siteSettings()])
  return (
    <div className="container">
      <Breadcrumbs crumbs={[{ name: 'Home', path: '/' }, { name: 'Exercises', path: '/exercises' }]} />
      <h1>Home exercises</h1>
      <p className="lead">Step-by-step stretches and nerve glides. Each page prints on one sheet.</p>
      {exercises.length === 0 ? (
        <p>Exercises will be listed here soon.</p>
      ) : (
        <div className="grid">
          {exercises.map((exercise) => (
            <ExerciseCard key={exercise.id} exercise={exercise} headingLevel={2} />
          ))}
        </div>
      )}
      <MedicalDisclaimer text={settings?.medicalDisclaimer} />
      <BookingCta bookingUrl={settings?.bookingUrl ?? '/book'} text="A therapist can suggest the exercises that suit you." />
    </div>
  )
}
