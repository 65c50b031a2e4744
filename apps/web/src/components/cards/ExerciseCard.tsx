import type { Exercise } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { difficultyLabels } from '@/lib/format'

/** A home exercise in a list: name, summary, target area and difficulty. */
export function ExerciseCard({ exercise, headingLevel = 3 }: { exercise: Exercise; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="card">
      <div className="card__body">
        <Heading className="card__title">
          <Link href={`/exercises/${exercise.slug}`}>{exercise.name}</Link>
        </Heading>
        <p>{exercise.summary}</p>
        <p className="card__meta">
          {exercise.targetArea} · {difficultyLabels[exercise.difficulty]}
        </p>
      </div>
    </article>
  )
}
