import { describe, expect, it, beforeAll } from 'vitest'
import { graphql, rest } from './helpers/rest'
import { currentReview, reviewerData, richText, unique } from './helpers/fixtures'

/**
 * A draft must never reach an anonymous reader. Staff make real documents over REST on the
 * production server; an anonymous client then tries every way in.
 */

const collections = [
  { slug: 'articles', gql: 'Articles', gqlOne: 'Article', title: 'title' },
  { slug: 'services', gql: 'Services', gqlOne: 'Service', title: 'name' },
  { slug: 'exercises', gql: 'Exercises', gqlOne: 'Exercise', title: 'name' },
  { slug: 'conditions', gql: 'Conditions', gqlOne: 'Condition', title: 'name' },
  { slug: 'pages', gql: 'Pages', gqlOne: 'Page', title: 'title' },
  { slug: 'team', gql: 'Teams', gqlOne: 'Team', title: 'name' },
] as const

let authorId: number | string
let reviewerId: number | string

function dataFor(slug: string, title: string): Record<string, unknown> {
  switch (slug) {
    case 'articles':
      return { title, excerpt: 'Summary.', body: richText('Body.'), author: authorId, ...currentReview(reviewerId) }
    case 'services':
      return { name: title, summary: 'Summary.', description: richText('Description.'), pressureLevel: 'light', durations: [{ minutes: 60, price: 90 }] }
    case 'exercises':
      return { name: title, summary: 'Summary.', targetArea: 'Hips', difficulty: 'beginner', steps: [{ instruction: 'Sit.' }], frequency: 'Daily', safetyNotes: 'Go gently.', ...currentReview(reviewerId) }
    case 'conditions':
      return { name: title, summary: 'Summary.', whatItIs: richText('What it is.'), symptoms: [{ symptom: 'Pain' }], ...currentReview(reviewerId) }
    case 'pages':
      return { title, layout: [{ blockType: 'hero', heading: 'Hello' }] }
    default:
      return { name: title, jobTitle: 'Therapist', bio: 'Bio.' }
  }
}

beforeAll(async () => {
  const author = await rest('editor', 'POST', '/api/team', { name: unique('Author'), jobTitle: 'RMT', bio: 'Bio.', _status: 'published' })
  expect(author.status).toBe(201)
  authorId = author.body.doc.id
  const reviewer = await rest('editor', 'POST', '/api/team', reviewerData())
  expect(reviewer.status, reviewer.text).toBe(201)
  reviewerId = reviewer.body.doc.id
})

describe.each(collections)('$slug', ({ slug, gql, gqlOne, title: titleField }) => {
  it('never shows an unpublished document, or the unpublished edit of a published one, to an anonymous reader', async () => {
    const draftTitle = unique('Secret draft')
    const draft = await rest('editor', 'POST', `/api/${slug}?draft=true`, { ...dataFor(slug, draftTitle), _status: 'draft' })
    expect(draft.status, draft.text).toBe(201)
    const draftId = draft.body.doc.id

    const publishedTitle = unique('Public')
    const published = await rest('editor', 'POST', `/api/${slug}`, { ...dataFor(slug, publishedTitle), _status: 'published' })
    expect(published.status, published.text).toBe(201)
    const publishedId = published.body.doc.id
    const pendingEdit = unique('Unpublished edit')
    const edit = await rest('editor', 'PATCH', `/api/${slug}/${publishedId}?draft=true`, { [titleField]: pendingEdit, _status: 'draft' })
    expect(edit.status, edit.text).toBe(200)

    // Staff see both drafts.
    const staffView = await rest('editor', 'GET', `/api/${slug}/${publishedId}?draft=true`)
    expect(staffView.body[titleField]).toBe(pendingEdit)

    // Each way in, with the answer it must get: a list or count that leaves the draft out (200),
    // "no such document" (404), or "not allowed" (403). A different status means the request did
    // not test what it names (a 400 for a malformed query hides nothing).
    const where = `where[${titleField}][equals]=${encodeURIComponent(draftTitle)}`
    const attempts: Array<[what: string, status: number, response: Awaited<ReturnType<typeof rest>>]> = [
      ['REST list', 200, await rest('anonymous', 'GET', `/api/${slug}?limit=100`)],
      ['REST list with draft=true', 200, await rest('anonymous', 'GET', `/api/${slug}?limit=100&draft=true`)],
      ['REST draft by id', 404, await rest('anonymous', 'GET', `/api/${slug}/${draftId}`)],
      ['REST draft by id with draft=true', 404, await rest('anonymous', 'GET', `/api/${slug}/${draftId}?draft=true`)],
      ['REST published by id with draft=true', 200, await rest('anonymous', 'GET', `/api/${slug}/${publishedId}?draft=true`)],
      ['REST list filtered on the draft title', 200, await rest('anonymous', 'GET', `/api/${slug}?${where}&draft=true`)],
      ['REST versions', 403, await rest('anonymous', 'GET', `/api/${slug}/versions?limit=100`)],
      ['REST versions of the draft', 403, await rest('anonymous', 'GET', `/api/${slug}/versions?where[parent][equals]=${draftId}`)],
      ['REST count of drafts', 200, await rest('anonymous', 'GET', `/api/${slug}/count?draft=true&where[_status][equals]=draft`)],
      ['GraphQL list', 200, await graphql('anonymous', `{ ${gql}(draft: true, limit: 100) { docs { id ${titleField} } } }`)],
      ['GraphQL draft by id', 200, await graphql('anonymous', `{ ${gqlOne}(id: ${JSON.stringify(draftId)}, draft: true) { id ${titleField} } }`)],
      ['GraphQL published by id', 200, await graphql('anonymous', `{ ${gqlOne}(id: ${JSON.stringify(publishedId)}, draft: true) { id ${titleField} } }`)],
      ['GraphQL versions', 200, await graphql('anonymous', `{ versions${gql}(limit: 100) { docs { id } } }`)],
    ]
    for (const [what, status, attempt] of attempts) {
      expect(attempt.status, `${what}: ${attempt.text.slice(0, 200)}`).toBe(status)
      expect(attempt.text, `${what} shows the draft`).not.toContain(draftTitle)
      expect(attempt.text, `${what} shows the unpublished edit`).not.toContain(pendingEdit)
    }
    // The lists answered with lists (so their silence means something)…
    for (const index of [0, 1, 5]) expect(attempts[index]![2].body.docs, attempts[index]![0]).toBeInstanceOf(Array)
    expect(attempts[0]![2].body.docs.map((doc: { id: unknown }) => doc.id), 'the REST list shows the published document').toContain(publishedId)
    // …the published document by id shows its published version…
    expect(attempts[4]![2].body[titleField]).toBe(publishedTitle)
    // …and the GraphQL queries are well-formed: each names a real field.
    expect(attempts[9]![2].body.data[gql].docs).toBeInstanceOf(Array)
    expect(attempts[10]![2].body.data).toHaveProperty(gqlOne)
    expect(attempts[11]![2].body.data).toHaveProperty(gqlOne)
    expect(attempts[12]![2].body.data).toHaveProperty(`versions${gql}`)
    // The count of drafts is not revealed either: the count endpoint answers, with zero.
    expect(attempts[8]![2].body.totalDocs, 'count of drafts seen by an anonymous reader').toBe(0)
    // The published version is still readable: the checks above are not passing because nothing is.
    const publicView = await rest('anonymous', 'GET', `/api/${slug}/${publishedId}`)
    expect(publicView.status).toBe(200)
    expect(publicView.body[titleField]).toBe(publishedTitle)
  })
})
