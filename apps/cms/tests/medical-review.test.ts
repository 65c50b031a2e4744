import { beforeAll, describe, expect, inject, it } from 'vitest'
import { currentReview, daysAgo, healthCollections, reviewerData, richText, unique } from './helpers/fixtures'
import { rest } from './helpers/rest'

/**
 * Publishing an article, condition or exercise needs a current medical review. Staff act over REST
 * on the production server, as the admin does; drafts and autosaves must keep saving freely.
 */

let authorId: number | string
let reviewerId: number | string
let uncredentialedId: number | string

function dataFor(collection: (typeof healthCollections)[number]): Record<string, unknown> {
  switch (collection) {
    case 'articles':
      return { title: unique('Reviewed article'), excerpt: 'Summary.', body: richText('Body.'), author: authorId }
    case 'conditions':
      return { name: unique('Reviewed condition'), summary: 'Summary.', whatItIs: richText('What it is.'), symptoms: [{ symptom: 'Pain' }] }
    case 'exercises':
      return {
        name: unique('Reviewed exercise'),
        summary: 'Summary.',
        targetArea: 'Hips',
        difficulty: 'beginner',
        steps: [{ instruction: 'Sit.' }],
        frequency: 'Daily',
        safetyNotes: 'Go gently.',
      }
  }
}

const month = 30 * 24 * 60 * 60 * 1000

type Case = { name: string; review: () => Record<string, unknown>; field: string; message: RegExp }
const refusals: Case[] = [
  { name: 'no reviewer', review: () => ({ reviewedAt: daysAgo(3) }), field: 'medicalReviewer', message: /Add a medical reviewer/ },
  { name: 'no reviewed date', review: () => ({ medicalReviewer: reviewerId }), field: 'reviewedAt', message: /Add the date of the medical review/ },
  {
    name: 'a reviewed date in the future',
    review: () => ({ medicalReviewer: reviewerId, reviewedAt: daysAgo(-10) }),
    field: 'reviewedAt',
    message: /is in the future/,
  },
  {
    name: 'a review older than the 12-month interval',
    review: () => ({ medicalReviewer: reviewerId, reviewedAt: new Date(Date.now() - 13 * month).toISOString() }),
    field: 'reviewedAt',
    message: /lapsed on .* have the page reviewed again/,
  },
  {
    name: 'a reviewer without a clinical credential',
    review: () => ({ medicalReviewer: uncredentialedId, reviewedAt: daysAgo(3) }),
    field: 'medicalReviewer',
    message: /has no clinical credential/,
  },
]

beforeAll(async () => {
  const author = await rest('editor', 'POST', '/api/team', { name: unique('Author'), jobTitle: 'RMT', bio: 'Bio.', _status: 'published' })
  expect(author.status, author.text).toBe(201)
  authorId = author.body.doc.id
  uncredentialedId = authorId
  const reviewer = await rest('editor', 'POST', '/api/team', reviewerData())
  expect(reviewer.status, reviewer.text).toBe(201)
  reviewerId = reviewer.body.doc.id
})

describe.each(healthCollections)('publishing %s', (collection) => {
  it.each(refusals)('is refused with $name: 400, saying what to add', async ({ review, field, message }) => {
    const data = dataFor(collection)
    const response = await rest('editor', 'POST', `/api/${collection}`, { ...data, ...review(), _status: 'published' })
    expect(response.status, response.text).toBe(400)
    const [error] = response.body.errors
    // The top-level message leads with what to do; the field error says it beside the field in the admin.
    expect(error.message).toMatch(/cannot be published without a current medical review/)
    expect(error.message).toMatch(message)
    const fieldErrors = error.data.errors as { path: string; message: string }[]
    expect(fieldErrors.find((entry) => entry.path === field)?.message).toMatch(message)
    // Nothing was written, not even a draft.
    const titleField = collection === 'articles' ? 'title' : 'name'
    const title = encodeURIComponent(String(data[titleField]))
    const found = await rest('editor', 'GET', `/api/${collection}?draft=true&where[${titleField}][equals]=${title}`)
    expect(found.body.totalDocs).toBe(0)
  })

  it('publishes with a current review by a clinician, and the next review falls due 12 months on', async () => {
    const reviewedAt = daysAgo(5)
    const response = await rest('editor', 'POST', `/api/${collection}`, { ...dataFor(collection), ...currentReview(reviewerId), reviewedAt, _status: 'published' })
    expect(response.status, response.text).toBe(201)
    const published = await rest('anonymous', 'GET', `/api/${collection}/${response.body.doc.id}`)
    expect(published.status).toBe(200)
    expect(published.body._status).toBe('published')
    const due = new Date(reviewedAt)
    due.setUTCMonth(due.getUTCMonth() + 12)
    expect(published.body.nextReviewDue.slice(0, 10)).toBe(due.toISOString().slice(0, 10))
  })

  it('saves drafts and autosaves without any review, then refuses to publish them until one is added', async () => {
    const draft = await rest('editor', 'POST', `/api/${collection}?draft=true`, { ...dataFor(collection), _status: 'draft' })
    expect(draft.status, draft.text).toBe(201)
    const id = draft.body.doc.id
    const autosave = await rest('editor', 'PATCH', `/api/${collection}/${id}?draft=true&autosave=true`, { summary: 'Autosaved.', excerpt: 'Autosaved.', _status: 'draft' })
    expect(autosave.status, autosave.text).toBe(200)
    const publish = await rest('editor', 'PATCH', `/api/${collection}/${id}`, { _status: 'published' })
    expect(publish.status, publish.text).toBe(400)
    expect(publish.body.errors[0].message).toMatch(/Add a medical reviewer/)
    expect(publish.body.errors[0].message).toMatch(/Add the date of the medical review/)
    const fixed = await rest('editor', 'PATCH', `/api/${collection}/${id}`, { ...currentReview(reviewerId), _status: 'published' })
    expect(fixed.status, fixed.text).toBe(200)
    expect(fixed.body.doc._status).toBe('published')
  })
})

describe('medical reviews due, in the admin', () => {
  let dueSoonId: number | string
  let dueSoonTitle: string
  let currentTitle: string

  beforeAll(async () => {
    dueSoonTitle = unique('Due soon article')
    const dueSoon = await rest('editor', 'POST', '/api/articles', {
      ...dataFor('articles'),
      title: dueSoonTitle,
      // Reviewed 11 months and a week ago: still valid, due within 30 days.
      medicalReviewer: reviewerId,
      reviewedAt: new Date(Date.now() - 11 * month - 7 * 24 * 60 * 60 * 1000).toISOString(),
      _status: 'published',
    })
    expect(dueSoon.status, dueSoon.text).toBe(201)
    dueSoonId = dueSoon.body.doc.id
    currentTitle = unique('Current article')
    const current = await rest('editor', 'POST', '/api/articles', { ...dataFor('articles'), title: currentTitle, ...currentReview(reviewerId), _status: 'published' })
    expect(current.status, current.text).toBe(201)
  })

  it('lists what falls due within 30 days, each row a link to the document; current reviews are left out', async () => {
    const response = await rest('editor', 'GET', '/admin/reviews-due')
    expect(response.status).toBe(200)
    const html = response.text
    expect(html).toContain('Medical reviews due')
    const link = new RegExp(`<a[^>]+href="/admin/collections/articles/${dueSoonId}"[^>]*>${dueSoonTitle}</a>`)
    expect(html).toMatch(link)
    expect(html).toContain('Due soon')
    expect(html).not.toContain(currentTitle)
  })

  it('is for staff only', async () => {
    const response = await fetch(`${inject('cmsUrl')}/admin/reviews-due`)
    const html = await response.text()
    expect(html).not.toContain(dueSoonTitle)
    expect(html).not.toContain(`/admin/collections/articles/${dueSoonId}`)
  })
})
