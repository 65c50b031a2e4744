'use client'
import { useField } from '@payloadcms/ui'
import type { NumberFieldClientComponent } from 'payload'

/** Keep in step with `targetReadingGrade` in src/lib/reading-level.ts (a client file cannot import it with the library). */
const target = 9

/**
 * The stored Flesch–Kincaid grade, shown beside the text it grades. Above the target it is a
 * warning, never a refusal: staff decide whether a hard word is needed.
 */
export const ReadingGradeField: NumberFieldClientComponent = ({ path }) => {
  const { value } = useField<number | null>({ path })
  const grade = typeof value === 'number' ? value : undefined
  const tooHard = grade !== undefined && grade > target
  return (
    <div className="field-type reading-grade" role="status" aria-live="polite">
      <p className={`reading-grade__value${tooHard ? ' reading-grade__value--warning' : ''}`}>
        <strong>Reading level:</strong>{' '}
        {grade === undefined
          ? 'worked out when you save.'
          : `grade ${grade.toFixed(1)} (Flesch–Kincaid). ${
              tooHard
                ? `Above the target of grade ${target}: try shorter sentences and everyday words.`
                : `Within the target of grade ${target} or lower.`
            }`}
      </p>
    </div>
  )
}
