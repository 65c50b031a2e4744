import { validations, type CollectionAfterErrorHook, type CollectionBeforeChangeHook, type Field, type PayloadRequest } from 'payload'
import { validateLink } from '@/fields/url'
import { fleschKincaidGrade, targetReadingGrade, type ReadablePart } from '@/lib/reading-level'
import { nextReviewDue, relationId, reviewIntervalMonths, reviewProblems, type ReviewProblem } from '@/lib/medical-review'

/**
 * Everything a health document (article, condition, exercise) carries so readers can trust it:
 * who reviewed it and when, when the review runs out, its sources and its reading level.
 * `readableText` picks the words a visitor reads, for the reading grade.
 */
export type HealthDocumentOptions = {
  /** The words a visitor reads on the page, for the reading grade. */
  readableText: (doc: Record<string, unknown>) => ReadablePart[]
}

/** The medical review, in the sidebar: reviewer, date, and (worked out) next review due. */
export const medicalReviewFields: Field[] = [
  {
    name: 'medicalReviewer',
    type: 'relationship',
    relationTo: 'team',
    validate: publishNeedsReview('medicalReviewer', validations.relationship),
    admin: {
      position: 'sidebar',
      description: 'The clinician who checked the medical claims. Must have a clinical credential on their team profile.',
    },
  },
  {
    name: 'reviewedAt',
    type: 'date',
    label: 'Reviewed on',
    validate: publishNeedsReview('reviewedAt', validations.date),
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' },
      description: 'The day of the medical review. Needed to publish; it cannot be in the future or older than the review interval.',
    },
  },
  {
    name: 'nextReviewDue',
    type: 'date',
    label: 'Next review due',
    virtual: true,
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' },
      description: 'Worked out from the reviewed date and the review interval in site settings.',
    },
    hooks: {
      afterRead: [
        async ({ siblingData, req }) => {
          const due = nextReviewDue(siblingData?.reviewedAt as string | undefined, await reviewIntervalMonths(req.payload, req))
          return due ? due.toISOString() : null
        },
      ],
    },
  },
]

/** The sources the page's claims rest on; the site lists them as references. */
export const sourcesField: Field = {
  name: 'sources',
  type: 'array',
  labels: { singular: 'Source', plural: 'Sources' },
  admin: {
    description: 'The guidelines, reviews and trusted pages this content is based on. Shown to readers as references.',
    initCollapsed: true,
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'title', type: 'text', required: true, admin: { width: '50%' } },
        { name: 'publisher', type: 'text', required: true, admin: { width: '50%', description: 'e.g. NHS, NICE' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'url',
          type: 'text',
          label: 'URL (optional)',
          admin: { width: '50%' },
          validate: (value: unknown) => {
            if (!value) return true
            const result = validateLink(value)
            if (result !== true) return result
            return /^https?:\/\//.test(String(value)) ? true : 'A source link must be a full address starting with https://.'
          },
        },
        {
          name: 'accessedAt',
          type: 'date',
          label: 'Date accessed',
          required: true,
          admin: { width: '50%', date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' } },
        },
      ],
    },
  ],
}

/** The reading grade, stored on save and shown beside the body with a warning above the target. */
export const readingGradeField: Field = {
  name: 'readingGrade',
  type: 'number',
  label: 'Reading grade',
  admin: {
    readOnly: true,
    description: `Flesch–Kincaid grade of the text, worked out on save. Health content aims for grade ${targetReadingGrade} or lower.`,
    components: { Field: '@/components/admin/ReadingGradeField#ReadingGradeField' },
  },
}

type ValidateArgs = { data?: Record<string, unknown>; req: PayloadRequest; event?: string }

/** Is this save a publish? Drafts and autosaves never reach field validation; this guards form-state checks too. */
const isPublishing = ({ data, event }: ValidateArgs) => event === 'submit' && data?._status === 'published'

/** The review problems of the document being saved, found once per save and field. */
async function problemsOf({ data, req }: ValidateArgs): Promise<ReviewProblem[]> {
  const reviewerId = relationId(data?.medicalReviewer)
  let reviewer: { name?: string; clinicalCredentials?: unknown[] | null } | null = null
  if (reviewerId !== undefined) {
    reviewer = (await req.payload
      .findByID({ collection: 'team', id: reviewerId, depth: 0, overrideAccess: true, disableErrors: true, req })
      .catch(() => null)) as typeof reviewer
  }
  return reviewProblems({
    reviewer,
    reviewerId,
    reviewedAt: data?.reviewedAt as string | null | undefined,
    intervalMonths: await reviewIntervalMonths(req.payload, req),
  })
}

/**
 * Publishing needs a current medical review: field validation runs on publish only (Payload skips
 * it for drafts and autosave), so drafts save freely and a refused publish names each field to fix,
 * together with any other missing field.
 */
function publishNeedsReview(path: ReviewProblem['path'], builtIn: (value: never, args: never) => true | string | Promise<true | string>) {
  return async (value: unknown, args: unknown): Promise<true | string> => {
    const own = await builtIn(value as never, args as never)
    if (own !== true) return own
    if (!isPublishing(args as ValidateArgs)) return true
    const problem = (await problemsOf(args as ValidateArgs)).find((p) => p.path === path)
    return problem ? problem.message : true
  }
}

/** Works out the reading grade from the merged document on every save, drafts included. */
export function computeReadingGrade({ readableText }: HealthDocumentOptions): CollectionBeforeChangeHook {
  return ({ data, originalDoc }) => {
    const grade = fleschKincaidGrade(readableText({ ...originalDoc, ...data }))
    return { ...data, readingGrade: grade ?? null }
  }
}

/**
 * A refused publish answers 400 with Payload's "The following fields are invalid: …"; for a missing
 * or lapsed review, lead with what to do, so an API client or a log reader sees it first.
 */
export const explainRefusedPublish: CollectionAfterErrorHook = ({ error, result, collection }) => {
  const response = result as { errors?: { message?: string }[] } | undefined
  const lead = reviewRefusalLead(error, collection.labels?.singular)
  if (!lead || !response?.errors?.length) return
  return {
    response: {
      ...response,
      errors: response.errors.map((entry, index) => (index === 0 ? { ...entry, message: `${lead} (${entry.message ?? ''})` } : entry)),
    },
  }
}

/** For a publish refused over the medical review: what to do, in words; otherwise undefined. */
export function reviewRefusalLead(error: unknown, singularLabel: unknown): string | undefined {
  const details = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  const review = details?.filter((d) => d.path === 'medicalReviewer' || d.path === 'reviewedAt') ?? []
  if (review.length === 0) return undefined
  const singular = typeof singularLabel === 'string' ? singularLabel.toLowerCase() : 'page'
  return `This ${singular} cannot be published without a current medical review. ${review.map((d) => d.message).join(' ')}`
}

/** The fields and hooks every health collection adds to its own. */
export function healthDocument(options: HealthDocumentOptions) {
  return {
    fields: { review: medicalReviewFields, sources: sourcesField, readingGrade: readingGradeField },
    hooks: { beforeChange: [computeReadingGrade(options)], afterError: [explainRefusedPublish] },
  }
}
