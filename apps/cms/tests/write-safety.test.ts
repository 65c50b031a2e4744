// Every write all-or-nothing (issue 16): a publish whose hook fails half-way leaves the document, its
// versions, its block rows and the redirects its hooks write exactly as they were, and tells nobody
// outside (the site is not asked to revalidate, no email leaves). Through the Local API on a database
// of its own, with a hook added to this process's config that throws on a marker. On SQLite and on a
// MongoDB replica set; a standalone MongoDB server (FerretDB here) has no transactions: the README says so.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CollectionAfterChangeHook, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usesReplicaSet } from '@/lib/database'
import { freshDatabaseUri, testDatabase } from './helpers/database'
import { shutdownPayload } from './helpers/payload'
import { unique } from './helpers/fixtures'

const transactional = testDatabase === 'sqlite' || usesReplicaSet(process.env.MONGODB_TEST_URI ?? '')
const marker = 'FAIL-HERE'
let payload: Payload | undefined
let site: Server | undefined
const revalidated: string[][] = []

async function boot(): Promise<Payload> {
  // A stand-in for the site's revalidation endpoint, to see what the CMS tells it.
  site = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      revalidated.push((JSON.parse(body || '{}') as { tags?: string[] }).tags ?? [])
      response.end('{}')
    })
  })
  await new Promise<void>((resolve) => site!.listen(0, '127.0.0.1', resolve))
  process.env.DATABASE_URI = freshDatabaseUri('write_safety')
  process.env.PAYLOAD_SECRET ??= 'test-secret-that-is-long-enough-for-payload-000'
  process.env.SEED_ON_START = 'false'
  process.env.SITE_URL = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  process.env.SITE_REVALIDATE_SECRET = 'write-safety-secret'
  process.env.MEDIA_DIR = mkdtempSync(path.join(tmpdir(), 'clinic-media-write-safety-'))
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  return getPayload({ config })
}

/** The fault: an afterChange hook (after the document and its version are written) that throws. */
const failOnMarker: CollectionAfterChangeHook = ({ doc }) => {
  if (String((doc as { title?: string }).title ?? '').includes(marker)) throw new Error('Injected failure in an afterChange hook')
  return doc
}

beforeAll(async () => {
  payload = await boot()
  // Last: after the hooks that write a redirect and ask the site to revalidate.
  payload.collections.pages!.config.hooks.afterChange.push(failOnMarker)
}, 240_000)

afterAll(async () => {
  await shutdownPayload(payload)
  site?.close()
})

/** Everything a reader or the admin could see of a page. */
async function stateOf(id: number | string) {
  const p = payload!
  const published = await p.findByID({ collection: 'pages', id, depth: 0, overrideAccess: true })
  const draft = await p.findByID({ collection: 'pages', id, depth: 0, draft: true, overrideAccess: true })
  const versions = await p.findVersions({ collection: 'pages', where: { parent: { equals: id } }, depth: 0, limit: 0, pagination: false, sort: 'createdAt', overrideAccess: true })
  const redirects = await p.count({ collection: 'redirects', overrideAccess: true })
  const pages = await p.count({ collection: 'pages', overrideAccess: true })
  return {
    published,
    draft,
    versions: versions.docs.map((v) => ({ id: v.id, latest: (v as { latest?: boolean }).latest, status: v.version._status, title: v.version.title, blocks: v.version.layout?.length })),
    redirects: redirects.totalDocs,
    pages: pages.totalDocs,
  }
}

if (transactional) {
  describe(`a failing hook in the middle of a publish (${testDatabase})`, () => {
    it('an update that fails after its document and version were written leaves the page, its versions, blocks and redirects as they were', async () => {
      const p = payload!
      const slug = unique('safe page').replace(/\W+/g, '-').toLowerCase()
      const page = await p.create({
        collection: 'pages',
        data: { title: 'Before', slug, layout: [{ blockType: 'hero', heading: 'Welcome' }], _status: 'published' },
        overrideAccess: true,
      })
      const before = await stateOf(page.id)
      expect(before.versions.filter((v) => v.latest)).toHaveLength(1)
      revalidated.length = 0

      await expect(
        p.update({
          collection: 'pages',
          id: page.id,
          data: {
            title: `After ${marker}`,
            // A new slug makes the publish write a redirect too (hooks/redirect-moved-documents).
            slug: `${slug}-moved`,
            layout: [
              { blockType: 'hero', heading: 'Changed' },
              { blockType: 'hero', heading: 'Added' },
            ],
            _status: 'published',
          },
          overrideAccess: true,
        }),
      ).rejects.toThrow(/Injected failure/)

      const after = await stateOf(page.id)
      expect(after).toEqual(before)
      expect(after.versions.filter((v) => v.latest)).toHaveLength(1)
      // The site was not told about a change that did not happen.
      expect(revalidated).toEqual([])

      // The database and the CMS go on: the same publish without the fault goes through, and the site hears of it.
      const ok = await p.update({ collection: 'pages', id: page.id, data: { title: 'After', _status: 'published' }, overrideAccess: true })
      expect(ok.title).toBe('After')
      const done = await stateOf(page.id)
      expect(done.versions).toHaveLength(before.versions.length + 1)
      expect(done.versions.filter((v) => v.latest)).toHaveLength(1)
      await expect.poll(() => revalidated.flat()).toContain('collection:pages')
    })

    it('twelve publishes of one page at once all succeed, one after another: one version marked latest, the last one', async () => {
      const p = payload!
      const page = await p.create({ collection: 'pages', data: { title: 'Busy page', layout: [{ blockType: 'hero', heading: 'Hi' }], _status: 'published' }, overrideAccess: true })
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          p.update({ collection: 'pages', id: page.id, data: { title: `Busy ${i}`, layout: [{ blockType: 'hero', heading: `Busy ${i}` }], _status: 'published' }, overrideAccess: true }),
        ),
      )
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([])
      const state = await stateOf(page.id)
      expect(state.versions).toHaveLength(13)
      const latest = state.versions.filter((v) => v.latest)
      expect(latest).toHaveLength(1)
      expect(latest[0]!.title).toBe(state.published.title)
      expect(state.published.layout?.[0]).toMatchObject({ heading: state.published.title })
    })

    it('a create that fails in its hook leaves no page and no version behind', async () => {
      const p = payload!
      const before = await p.count({ collection: 'pages', overrideAccess: true })
      const versionsBefore = await p.countVersions({ collection: 'pages', overrideAccess: true })
      await expect(
        p.create({
          collection: 'pages',
          data: { title: `New ${marker}`, layout: [{ blockType: 'hero', heading: 'Hi' }], _status: 'published' },
          overrideAccess: true,
        }),
      ).rejects.toThrow(/Injected failure/)
      expect((await p.count({ collection: 'pages', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
      expect((await p.countVersions({ collection: 'pages', overrideAccess: true })).totalDocs).toBe(versionsBefore.totalDocs)
    })
  })
}

describe(`a publish refused before it is written (${testDatabase})`, () => {
  it('a page without its required title is refused with the field named; nothing is written and the site is not told', async () => {
    const p = payload!
    const before = await p.count({ collection: 'pages', overrideAccess: true })
    revalidated.length = 0
    await expect(
      p.create({ collection: 'pages', data: { title: '', layout: [{ blockType: 'hero', heading: 'Hi' }], _status: 'published' }, overrideAccess: true }),
    ).rejects.toThrow(/title/i)
    expect((await p.count({ collection: 'pages', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    expect(revalidated).toEqual([])
  })
})
