import { describe, expect, it } from 'vitest'
import { addMonths, nextReviewDue, reviewProblems } from './medical-review'

const now = new Date('2026-11-30T10:00:00.000Z')
const clinician = { name: 'Priya', clinicalCredentials: [{ credential: 'Registered physiotherapist' }] }
const paths = (problems: { path: string }[]) => problems.map((p) => p.path)

describe('review schedule', () => {
  it('adds calendar months, keeping to the end of shorter months', () => {
    expect(addMonths(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z')
    expect(nextReviewDue('2025-11-10T12:00:00Z', 12)?.toISOString()).toBe('2026-11-10T12:00:00.000Z')
    expect(nextReviewDue(null, 12)).toBeUndefined()
  })

  it('accepts a current review by a clinician', () => {
    expect(reviewProblems({ reviewer: clinician, reviewerId: 1, reviewedAt: '2026-11-10T12:00:00Z', intervalMonths: 12, now })).toEqual([])
  })

  it('names what is missing: a reviewer, a date, a credential', () => {
    expect(paths(reviewProblems({ reviewer: null, reviewerId: undefined, reviewedAt: null, intervalMonths: 12, now }))).toEqual(['medicalReviewer', 'reviewedAt'])
    const noCredential = reviewProblems({ reviewer: { name: 'Hannah', clinicalCredentials: [] }, reviewerId: 2, reviewedAt: '2026-11-10', intervalMonths: 12, now })
    expect(noCredential).toEqual([{ path: 'medicalReviewer', message: expect.stringMatching(/^Hannah has no clinical credential/) }])
  })

  it('refuses a date in the future, but not today picked in a time zone ahead of the server', () => {
    expect(reviewProblems({ reviewer: clinician, reviewerId: 1, reviewedAt: '2026-12-01T12:00:00Z', intervalMonths: 12, now })[0]?.message).toMatch(/in the future/)
    expect(reviewProblems({ reviewer: clinician, reviewerId: 1, reviewedAt: '2026-11-30T22:00:00Z', intervalMonths: 12, now })).toEqual([])
  })

  it('refuses a review older than the interval set in site settings', () => {
    const reviewedAt = '2026-07-01T12:00:00Z'
    expect(reviewProblems({ reviewer: clinician, reviewerId: 1, reviewedAt, intervalMonths: 12, now })).toEqual([])
    expect(reviewProblems({ reviewer: clinician, reviewerId: 1, reviewedAt, intervalMonths: 3, now })[0]?.message).toMatch(
      /lapsed on 1 October 2026 \(reviews last 3 months\)/,
    )
  })
})
