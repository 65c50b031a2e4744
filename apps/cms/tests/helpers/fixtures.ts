import sharp from 'sharp'
import type { Payload } from 'payload'

/** A small Lexical document with one paragraph per string. */
export function richText(...paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        textFormat: 0,
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
      })),
    },
  }
}

/** A real PNG made on the spot. */
export async function pngBytes(width = 48, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#7fa99b' } }).png().toBuffer()
}

export const svgBytes = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
)

let counter = 0
/** A label that differs on every call, for titles and slugs. */
export const unique = (label: string) => `${label} ${Date.now().toString(36)}${(counter++).toString(36)}`

export interface SupportingDocs {
  /** A therapist, for authors. */
  teamId: number | string
  /** A physiotherapist with a clinical credential, for medical reviews. */
  reviewerId: number | string
}

/** The data of a team member with a clinical credential: a valid medical reviewer. */
export function reviewerData(): Record<string, unknown> {
  return {
    name: unique('Physiotherapist'),
    jobTitle: 'Physiotherapist',
    bio: 'Reviews the health content.',
    clinicalCredentials: [{ credential: 'Registered physiotherapist', category: 'license' }],
    _status: 'published',
  }
}

/** Documents other fixtures point at: an author for articles, a clinician for medical reviews. */
export async function supportingDocs(payload: Payload): Promise<SupportingDocs> {
  const team = await payload.create({
    collection: 'team',
    overrideAccess: true,
    data: { name: unique('Therapist'), jobTitle: 'Massage therapist', bio: 'Works with back pain.', _status: 'published' },
  })
  const reviewer = await payload.create({ collection: 'team', overrideAccess: true, data: reviewerData() as never })
  return { teamId: team.id, reviewerId: reviewer.id }
}

/** Articles, conditions and exercises cannot be published without a current medical review. */
export const healthCollections = ['articles', 'conditions', 'exercises'] as const

/** An ISO date `days` before now. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString()

/**
 * A current medical review (a reviewer with a clinical credential, reviewed a week ago): what a
 * published article, condition or exercise must carry. Spread it into the data of any health
 * document a test publishes; `contentData` already does.
 */
export function currentReview(reviewerId: number | string): { medicalReviewer: number | string; reviewedAt: string } {
  return { medicalReviewer: reviewerId, reviewedAt: daysAgo(7) }
}

/** Valid data for a new document of each content collection, publishable as it is (health documents carry a current review). */
export function contentData(collection: string, support: SupportingDocs): Record<string, unknown> {
  switch (collection) {
    case 'articles':
      return {
        title: unique('Article'),
        excerpt: 'A short summary.',
        body: richText('Body text.'),
        author: support.teamId,
        ...currentReview(support.reviewerId),
      }
    case 'services':
      return {
        name: unique('Service'),
        summary: 'A calm, thorough treatment.',
        description: richText('What the service is.'),
        pressureLevel: 'medium',
        durations: [{ minutes: 60, price: 95 }],
      }
    case 'exercises':
      return {
        name: unique('Exercise'),
        summary: 'A gentle stretch.',
        targetArea: 'Hips',
        difficulty: 'beginner',
        steps: [{ instruction: 'Lie on your back.' }, { instruction: 'Bring one knee in.' }],
        holdSeconds: 30,
        frequency: 'Twice a day',
        safetyNotes: 'Stop if it hurts.',
        ...currentReview(support.reviewerId),
      }
    case 'conditions':
      return {
        name: unique('Condition'),
        summary: 'A summary of the condition.',
        whatItIs: richText('What it is.'),
        symptoms: [{ symptom: 'Pain down one leg' }],
        ...currentReview(support.reviewerId),
      }
    case 'pages':
      return { title: unique('Page'), layout: [{ blockType: 'hero', heading: 'Welcome' }] }
    case 'team':
      return { name: unique('Therapist'), jobTitle: 'Massage therapist', bio: 'A short biography.' }
    default:
      throw new Error(`No fixture for ${collection}`)
  }
}

/** The field that names a document of this collection. */
export const titleFieldOf = (collection: string) =>
  ['services', 'exercises', 'conditions', 'team'].includes(collection) ? 'name' : 'title'
