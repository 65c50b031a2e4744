import type { Payload } from 'payload'
import { recordCases } from '@clinic/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentData, reviewerData, supportingDocs, titleFieldOf, unique, type SupportingDocs } from './helpers/fixtures'
import { testDatabase } from './helpers/database'
import { bootPayload, shutdownPayload } from './helpers/payload'
import { rest } from './helpers/rest'

/**
 * An update never takes a live document off the site by accident. The exact sequence of issue 7:
 * publish → autosave a draft → a plain update (no `?draft=true`, no `_status`) → an anonymous
 * reader still reads the published version. The plain update is refused with a 400 asking for an
 * explicit `_status`, on REST, GraphQL and the Local API alike; explicit choices still work.
 */

const collections = ['articles', 'services', 'exercises', 'conditions', 'pages', 'team'] as const
const graphqlNames: Record<(typeof collections)[number], string> = {
  articles: 'Article',
  services: 'Service',
  exercises: 'Exercise',
  conditions: 'Condition',
  pages: 'Page',
  team: 'Team',
}
let cases = 0

let authorId: number | string
let reviewerId: number | string
beforeAll(async () => {
  const author = await rest('editor', 'POST', '/api/team', { name: unique('Semantics author'), jobTitle: 'RMT', bio: 'Bio.', _status: 'published' })
  authorId = author.body.doc.id
  const reviewer = await rest('editor', 'POST', '/api/team', reviewerData())
  reviewerId = reviewer.body.doc.id
})

afterAll(() => {
  console.log(`update semantics: ${cases} cases checked`)
  recordCases(`update semantics (${testDatabase})`, cases, 'content collections × REST, GraphQL and Local API updates of live documents')
})

async function publishedWithAutosave(collection: (typeof collections)[number]) {
  const support: SupportingDocs = { teamId: authorId, reviewerId }
  const title = unique('Live')
  const created = await rest('editor', 'POST', `/api/${collection}`, { ...contentData(collection, support), [titleFieldOf(collection)]: title, _status: 'published' })
  expect(created.status, created.text.slice(0, 300)).toBe(201)
  const id = created.body.doc.id
  const autosave = await rest('editor', 'PATCH', `/api/${collection}/${id}?draft=true&autosave=true`, { [titleFieldOf(collection)]: unique('Half-written') })
  expect(autosave.status, autosave.text.slice(0, 300)).toBe(200)
  return { id, title }
}

async function anonymousTitle(collection: string, id: number | string): Promise<string | undefined> {
  const response = await rest('anonymous', 'GET', `/api/${collection}/${id}?depth=0`)
  return response.status === 200 ? response.body[titleFieldOf(collection)] : undefined
}

describe.each(collections)('%s', (collection) => {
  const field = titleFieldOf(collection)

  it('REST: a plain PATCH on a live document with an autosave is refused and the document stays live', async () => {
    cases++
    const { id, title } = await publishedWithAutosave(collection)
    const patch = await rest('editor', 'PATCH', `/api/${collection}/${id}`, { [field]: unique('Plain patch') })
    expect(patch.status, patch.text.slice(0, 300)).toBe(400)
    expect(patch.text).toMatch(/_status/)
    expect(await anonymousTitle(collection, id)).toBe(title)
  })

  it('REST: the explicit choices work: ?draft=true keeps the live version, _status published publishes', async () => {
    cases++
    const { id, title } = await publishedWithAutosave(collection)
    const intoDraft = await rest('editor', 'PATCH', `/api/${collection}/${id}?draft=true`, { [field]: unique('Into the draft') })
    expect(intoDraft.status, intoDraft.text.slice(0, 300)).toBe(200)
    expect(await anonymousTitle(collection, id)).toBe(title)
    const newTitle = unique('Published on purpose')
    const publish = await rest('editor', 'PATCH', `/api/${collection}/${id}`, { [field]: newTitle, _status: 'published' })
    expect(publish.status, publish.text.slice(0, 300)).toBe(200)
    expect(await anonymousTitle(collection, id)).toBe(newTitle)
  })

  it('GraphQL: an update without draft or _status is refused and the document stays live', async () => {
    cases++
    const { id, title } = await publishedWithAutosave(collection)
    const mutation = `mutation($id: ${typeof id === 'number' ? 'Int' : 'String'}!) { update${graphqlNames[collection]}(id: $id, data: { ${field}: "${unique('GraphQL patch')}" }) { id } }`
    const { inject } = await import('vitest')
    const response = await fetch(`${inject('cmsUrl')}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${inject('tokens').editor}` },
      body: JSON.stringify({ query: mutation, variables: { id } }),
    })
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { data?: unknown } }> }
    expect(body.errors?.length, JSON.stringify(body).slice(0, 300)).toBeGreaterThan(0)
    expect(JSON.stringify(body.errors)).toMatch(/_status|invalid/i)
    expect(await anonymousTitle(collection, id)).toBe(title)
  })

  it('a live document without a pending draft stays live after a plain PATCH', async () => {
    cases++
    const support: SupportingDocs = { teamId: authorId, reviewerId }
    const created = await rest('editor', 'POST', `/api/${collection}`, { ...contentData(collection, support), _status: 'published' })
    const newTitle = unique('Plain but fine')
    const patch = await rest('editor', 'PATCH', `/api/${collection}/${created.body.doc.id}`, { [field]: newTitle })
    expect(patch.status, patch.text.slice(0, 300)).toBe(200)
    expect(await anonymousTitle(collection, created.body.doc.id)).toBe(newTitle)
  })
})

describe('Local API', () => {
  let payload: Payload
  let support: SupportingDocs
  beforeAll(async () => {
    payload = await bootPayload('update-semantics')
    support = await supportingDocs(payload)
  })
  afterAll(async () => {
    await shutdownPayload(payload)
  })

  it.each(collections)('%s: payload.update without draft or _status on a live document with an autosave is refused', async (collection) => {
    cases++
    const field = titleFieldOf(collection)
    const doc = await payload.create({ collection, overrideAccess: true, data: { ...contentData(collection, support), _status: 'published' } as never })
    await payload.update({ collection, id: doc.id, draft: true, autosave: true, overrideAccess: true, data: { [field]: unique('Autosaved') } as never })
    await expect(payload.update({ collection, id: doc.id, overrideAccess: true, data: { [field]: unique('Plain') } as never })).rejects.toMatchObject({ status: 400 })
    const live = await payload.findByID({ collection, id: doc.id, draft: false, overrideAccess: false })
    expect((live as { _status?: string })._status).toBe('published')
    expect((live as Record<string, unknown>)[field]).toBe((doc as Record<string, unknown>)[field])
  })
})
