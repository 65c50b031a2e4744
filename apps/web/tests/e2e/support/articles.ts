import { cmsJson } from './cms'

/** A one-paragraph Lexical body, as the admin's editor saves it. */
function body(text: string) {
  const node = { version: 1, direction: 'ltr', format: '', indent: 0 }
  return {
    root: {
      ...node,
      type: 'root',
      children: [{ ...node, type: 'paragraph', textFormat: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
    },
  }
}

export interface CreatedArticle {
  id: number | string
  slug: string
  title: string
}

/**
 * Writes a new article through the REST API (a draft or published), by a named author from the seed,
 * reviewed by the seed's first credentialed clinician or by `medicalReviewer` (a team member's id).
 */
export async function createArticle(
  cmsUrl: string,
  token: string,
  { title, slug, status, medicalReviewer }: { title: string; slug: string; status: 'draft' | 'published'; medicalReviewer?: number | string },
): Promise<CreatedArticle> {
  const team = await cmsJson<{ docs: { id: number | string; clinicalCredentials?: unknown[] | null }[] }>(cmsUrl, '/api/team?limit=20&depth=0', { token })
  const author = team.docs[0]?.id
  if (author === undefined) throw new Error('The seed has no team member to be the author')
  // Health content is published only with a current medical review by a credentialed clinician.
  const reviewer = medicalReviewer ?? team.docs.find((member) => (member.clinicalCredentials?.length ?? 0) > 0)?.id
  if (reviewer === undefined) throw new Error('The seed has no team member with a clinical credential to review the article')
  const created = await cmsJson<{ doc: CreatedArticle }>(cmsUrl, `/api/articles${status === 'draft' ? '?draft=true' : ''}`, {
    method: 'POST',
    token,
    body: {
      title,
      slug,
      excerpt: `${title}: a short summary for the cards.`,
      body: body(`${title}. Written for the end-to-end tests.`),
      author,
      medicalReviewer: reviewer,
      reviewedAt: new Date(Date.now() - 86_400_000).toISOString(),
      _status: status,
    },
  })
  return { id: created.doc.id, slug: created.doc.slug, title }
}

/** A slug that differs on every run and call. */
export const uniqueSlug = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
