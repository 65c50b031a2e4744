import type { Team } from '@clinic/cms-types'
import { Link } from '@/components/Link'
import { populated } from '@/lib/cms/populated'
import { formatDate } from '@/lib/format'

type Props = {
  reviewer: number | string | Team | null | undefined
  reviewedAt: string | null | undefined
  nextReviewDue: string | null | undefined
}

/** "Medically reviewed by … on … · Next review due …": who checked a health page, and when it is checked again. */
export function MedicalReview({ reviewer, reviewedAt, nextReviewDue }: Props) {
  const member = populated(reviewer)
  if (!member || !reviewedAt) return null
  return (
    <p className="medical-review">
      Medically reviewed by <Link href={`/team#${member.slug ?? member.id}`}>{member.name}</Link>
      {member.credentials ? `, ${member.credentials}` : ''} on <time dateTime={reviewedAt.slice(0, 10)}>{formatDate(reviewedAt)}</time>
      {nextReviewDue ? (
        <>
          {' · '}Next review due <time dateTime={nextReviewDue.slice(0, 10)}>{formatDate(nextReviewDue)}</time>
        </>
      ) : null}
    </p>
  )
}
