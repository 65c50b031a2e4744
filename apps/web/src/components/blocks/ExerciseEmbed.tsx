import type { ExerciseEmbedBlock } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { populated } from '@/lib/cms/populated'
import { difficultyLabels } from '@/lib/format'

/** A card for a home exercise inside an article, linking to its step-by-step page. */
export function ExerciseEmbed({ block }: { block: ExerciseEmbedBlock }) {
  const exercise = populated(block.exercise)
  if (!exercise?.slug) return null
  return (
    <section className="embed embed--exercise" aria-labelledby={`embed-${block.id ?? exercise.id}`}>
      <p className="embed__kicker">Home exercise · {difficultyLabels[exercise.difficulty]}</p>
      <h3 className="embed__title" id={`embed-${block.id ?? exercise.id}`}>
        <Link href={`/exercises/${exercise.slug}`}>{exercise.name}</Link>
      </h3>
      <p>{exercise.summary}</p>
      {block.note ? <p className="embed__note">{block.note}</p> : null}
    </section>
  )
}
