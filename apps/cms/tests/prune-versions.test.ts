// Old versions are removed by a nightly job (src/jobs/prune-versions.ts), not inside each publish:
// it keeps the newest versions of each document, never the document itself or its latest draft.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prunedCollections, pruneVersions, pruneVersionsTask, versionsKept } from '@/jobs/prune-versions'
import { bootPayload, shutdownPayload } from './helpers/payload'

let payload: Payload
const context = { disableRevalidate: true }

beforeAll(async () => {
  payload = await bootPayload('prune_versions')
})

afterAll(async () => {
  await shutdownPayload(payload)
})

async function pageWithEdits(name: string, published: number, draftAfter?: string) {
  const page = await payload.create({ collection: 'pages', overrideAccess: true, context, data: { title: `${name} 1`, layout: [{ blockType: 'hero', heading: `${name} 1` }], _status: 'published' } })
  for (let i = 2; i <= published; i += 1) {
    await payload.update({ collection: 'pages', id: page.id, overrideAccess: true, context, data: { title: `${name} ${i}`, layout: [{ blockType: 'hero', heading: `${name} ${i}` }], _status: 'published' } })
  }
  if (draftAfter) await payload.update({ collection: 'pages', id: page.id, overrideAccess: true, context, draft: true, data: { title: draftAfter } })
  return page.id
}

const versionTitles = async (id: number | string) =>
  (await payload.findVersions({ collection: 'pages', where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1000, depth: 0, overrideAccess: true })).docs.map((v) => v.version.title)

describe('old versions', () => {
  it('are not removed by a publish any more: every content collection leaves it to the nightly job', async () => {
    expect(prunedCollections(payload).sort()).toEqual(expect.arrayContaining(['articles', 'conditions', 'exercises', 'pages', 'services']))
    expect(pruneVersionsTask.schedule?.length, 'the job is scheduled').toBeGreaterThan(0)
    expect(payload.config.jobs.tasks?.some((task) => task.slug === pruneVersionsTask.slug), 'the job is registered').toBe(true)
    const id = await pageWithEdits('Many', versionsKept + 2)
    expect((await versionTitles(id)).length, 'every publish kept its version').toBe(versionsKept + 2)
  })

  it('the job keeps the newest of each document (the latest draft included), and the page as published and as drafted are untouched', async () => {
    const busy = await pageWithEdits('Busy', 8, 'Busy draft')
    const quiet = await pageWithEdits('Quiet', 2)
    expect(await versionTitles(busy)).toHaveLength(9)

    const { deleted } = await pruneVersions(payload, { keep: 3 })

    expect(await versionTitles(busy)).toEqual(['Busy draft', 'Busy 8', 'Busy 7'])
    expect(await versionTitles(quiet), 'a document with fewer versions is left alone').toEqual(['Quiet 2', 'Quiet 1'])
    expect(deleted, 'what it says it removed').toBeGreaterThanOrEqual(6)
    const published = await payload.findByID({ collection: 'pages', id: busy, depth: 0, overrideAccess: true })
    expect(published.title).toBe('Busy 8')
    expect(published.layout?.[0]).toMatchObject({ heading: 'Busy 8' })
    const draft = await payload.findByID({ collection: 'pages', id: busy, depth: 0, overrideAccess: true, draft: true })
    expect(draft.title).toBe('Busy draft')

    // Nothing left to remove: a second run deletes nothing, and editing goes on as before.
    expect((await pruneVersions(payload, { keep: 3 })).deleted).toBe(0)
    await payload.update({ collection: 'pages', id: busy, overrideAccess: true, context, data: { title: 'Busy 9', _status: 'published' } })
    expect((await versionTitles(busy))[0]).toBe('Busy 9')
  })

  it('refuses to keep fewer than one version', async () => {
    await expect(pruneVersions(payload, { keep: 0 })).rejects.toThrow(/keep must be a whole number of at least 1/)
  })
})
