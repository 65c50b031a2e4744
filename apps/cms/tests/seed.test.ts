import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, shutdownPayload } from './helpers/payload'

const collections = ['users', 'media', 'team', 'conditions', 'services', 'exercises', 'articles', 'pages'] as const
const globals = ['site-settings', 'navigation', 'announcement'] as const

let payload: Payload
let seed: (payload: Payload) => Promise<{ created: Record<string, number>; skipped: Record<string, number> }>

/** Everything a second run could change: every document's id and updatedAt, and every global. */
async function fingerprint() {
  const parts: Record<string, unknown> = {}
  for (const collection of collections) {
    const { docs } = await payload.find({ collection, limit: 0, depth: 0, overrideAccess: true, draft: true, sort: 'createdAt' })
    parts[collection] = docs.map((doc) => [doc.id, doc.updatedAt])
    const versions = collection === 'users' || collection === 'media' ? undefined : await payload.countVersions({ collection, overrideAccess: true })
    parts[`${collection} versions`] = versions?.totalDocs
  }
  for (const slug of globals) parts[slug] = await payload.findGlobal({ slug, overrideAccess: true, depth: 0 })
  return parts
}

beforeAll(async () => {
  payload = await bootPayload('seed')
  ;({ seed } = await import('@/seed'))
})

afterAll(() => shutdownPayload(payload))

describe('demo seed', () => {
  it('fills an empty database with the clinic, and a second run changes nothing', async () => {
    const first = await seed(payload)
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0)
    expect(total(first.created)).toBeGreaterThan(30)
    const afterFirst = await fingerprint()

    const second = await seed(payload)
    expect(total(second.created)).toBe(0)
    expect(total(second.skipped)).toBeGreaterThan(30)
    expect(await fingerprint()).toEqual(afterFirst)
  })

  it('holds the flagship content: the sciatica hub, its article built from blocks, five services and the exercises', async () => {
    const { docs: [sciatica] } = await payload.find({ collection: 'conditions', where: { slug: { equals: 'sciatica' } }, depth: 0, overrideAccess: false })
    expect(sciatica?.symptoms?.length).toBeGreaterThanOrEqual(5)
    expect(sciatica?.redFlags?.length).toBeGreaterThanOrEqual(3)
    expect(sciatica?.relatedServices?.length).toBe(5)

    const { docs: [article] } = await payload.find({ collection: 'articles', where: { slug: { equals: 'sciatica-and-massage' } }, depth: 0, overrideAccess: false })
    expect(article?.author).toBeTruthy()
    expect(article?.medicalReviewer).toBeTruthy()
    expect(article?.reviewedAt).toBeTruthy()
    expect(article?.readingTime).toBeGreaterThan(0)
    const nodes = (article?.body.root.children ?? []) as Array<{ type: string; fields?: { blockType?: string } }>
    const blockTypes = nodes.filter((node) => node.type === 'block').map((node) => node.fields?.blockType)
    expect(new Set(blockTypes)).toEqual(new Set(['callout', 'serviceEmbed', 'exerciseEmbed']))

    const services = await payload.find({ collection: 'services', depth: 0, overrideAccess: false, sort: 'displayOrder' })
    expect(services.docs.map((service) => service.slug)).toHaveLength(5)
    for (const service of services.docs) {
      expect(service.durations.length).toBeGreaterThan(0)
      expect(service.contraindications?.length).toBeGreaterThan(0)
    }

    const exercises = await payload.find({ collection: 'exercises', depth: 0, overrideAccess: false, limit: 50 })
    expect(exercises.totalDocs).toBeGreaterThanOrEqual(6)
    for (const exercise of exercises.docs) {
      expect(exercise.steps.length).toBeGreaterThanOrEqual(3)
      expect(exercise.safetyNotes.length).toBeGreaterThan(20)
      expect(Boolean(exercise.holdSeconds || exercise.reps)).toBe(true)
    }
  })

  it('gives every health page a current review by a clinician, its sources, and a reading grade of 9 or lower', async () => {
    for (const collection of ['articles', 'conditions', 'exercises'] as const) {
      const { docs } = await payload.find({ collection, depth: 1, limit: 100, overrideAccess: false })
      expect(docs.length).toBeGreaterThan(0)
      for (const doc of docs) {
        const label = `${collection}/${doc.slug}`
        const reviewer = doc.medicalReviewer
        expect(typeof reviewer === 'object' && reviewer?.clinicalCredentials?.length, `${label}: reviewer with a clinical credential`).toBeTruthy()
        const reviewedAt = new Date(String(doc.reviewedAt))
        expect(reviewedAt.getTime(), `${label}: reviewed in the past`).toBeLessThan(Date.now())
        expect(new Date(String(doc.nextReviewDue)).getTime(), `${label}: next review still ahead`).toBeGreaterThan(Date.now())
        expect(doc.sources?.length, `${label}: sources`).toBeGreaterThan(0)
        for (const source of doc.sources ?? []) {
          expect(source.title && source.publisher && source.accessedAt, `${label}: source ${source.title}`).toBeTruthy()
        }
        expect(doc.readingGrade, `${label}: reading grade`).toBeTypeOf('number')
        expect(doc.readingGrade!, `${label}: reading grade ${doc.readingGrade}`).toBeLessThanOrEqual(9)
      }
    }
    const { docs: [sciatica] } = await payload.find({ collection: 'conditions', where: { slug: { equals: 'sciatica' } }, depth: 0, overrideAccess: false })
    const publishers = (sciatica?.sources ?? []).map((source: { title: string; publisher: string }) => `${source.publisher}: ${source.title}`)
    expect(publishers).toEqual(expect.arrayContaining(['NHS: Sciatica', expect.stringMatching(/^National Institute for Health and Care Excellence \(NICE\): .*NG59/)]))
  })
})
