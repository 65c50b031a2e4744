import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { postRevalidation, sendRevalidation } from '@/lib/site-purge'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete, revalidateSiteAfterGlobalChange } from './revalidate-site'

/**
 * The CMS tells the site which cache tags to purge. The site's side is a real HTTP endpoint
 * (tested end to end); here the outgoing request is captured to pin what is sent, and when.
 */

const calls: Array<{ url: string; init: RequestInit }> = []
let answer: () => Promise<Response> = async () => Response.json({ ok: true })
const warnings: string[] = []
/** The purges recorded until the site confirms (lib/site-purge): queued jobs, and those removed. */
const queued: Array<{ id: number; task: string; queue?: string; input: unknown; waitUntil?: Date }> = []
const removed: unknown[] = []
const req = (context: Record<string, unknown> = {}) =>
  ({
    context,
    payload: {
      logger: { warn: (message: string) => warnings.push(message) },
      jobs: {
        queue: async (job: { task: string; queue?: string; input: unknown; waitUntil?: Date }) => {
          queued.push({ id: queued.length + 1, ...job })
          return { id: queued.length }
        },
      },
      db: { deleteOne: async ({ where }: { where: { id: { equals: unknown } } }) => void removed.push(where.id.equals) },
    },
  }) as never

beforeEach(() => {
  calls.length = 0
  warnings.length = 0
  queued.length = 0
  removed.length = 0
  answer = async () => Response.json({ ok: true })
  vi.stubGlobal('fetch', async (url: URL | string, init: RequestInit) => {
    calls.push({ url: String(url), init })
    return answer()
  })
})
afterEach(() => vi.unstubAllGlobals())

const sentTags = () => calls.map((call) => JSON.parse(String(call.init.body)).tags as string[])
const collection = (slug: string, drafts = true) => ({ slug, versions: drafts ? { drafts: {} } : undefined })

describe('sendRevalidation', () => {
  it('POSTs the unique tags as JSON to the site, with the shared secret in its header', async () => {
    await sendRevalidation(['collection:articles', 'collection:articles', 'doc:articles:x'], req())
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('http://site.test/api/revalidate')
    expect(calls[0]!.init.method).toBe('POST')
    expect(calls[0]!.init.headers).toEqual({ 'Content-Type': 'application/json', 'x-revalidate-secret': 'unit-test-revalidate-secret' })
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal)
    expect(sentTags()).toEqual([['collection:articles', 'doc:articles:x']])
    expect(warnings).toEqual([])
  })

  it('records the purge first (in the write), and removes the record once the site confirms', async () => {
    const before = Date.now()
    await sendRevalidation(['collection:articles', 'doc:articles:x'], req())
    expect(queued).toHaveLength(1)
    expect(queued[0]).toMatchObject({ task: 'deliverSitePurge', queue: 'site-purges', input: { tags: ['collection:articles', 'doc:articles:x'], attempt: 1 } })
    // Retried only after the call at commit has surely ended (its timeout is 5 s).
    expect(queued[0]!.waitUntil!.getTime()).toBeGreaterThanOrEqual(before + 15_000)
    expect(removed).toEqual([1])
  })

  it('sends nothing for no tags, or for bulk writes that ask it not to', async () => {
    await sendRevalidation([], req())
    await sendRevalidation(['collection:articles'], req({ disableRevalidate: true }))
    expect(calls).toHaveLength(0)
    expect(queued).toHaveLength(0)
  })

  it('a site that refuses or is down never fails the publish: it is logged, and the record stays for the retry', async () => {
    answer = async () => new Response('no', { status: 401 })
    await sendRevalidation(['collection:articles'], req())
    expect(warnings).toEqual(['The site answered 401 to a revalidation of collection:articles.'])
    expect(queued).toHaveLength(1)
    expect(removed).toEqual([])
    answer = async () => {
      throw new Error('connect ECONNREFUSED')
    }
    await expect(postRevalidation(['collection:team', 'doc:team:a'], req())).resolves.toBe(false)
    expect(warnings[1]).toBe('Could not reach the site to revalidate collection:team, doc:team:a: Error: connect ECONNREFUSED')
  })
})

describe('after a change', () => {
  const change = (slug: string, doc: Record<string, unknown>, previousDoc?: Record<string, unknown>, drafts = true) =>
    revalidateSiteAfterChange({ collection: collection(slug, drafts), doc, previousDoc, req: req() } as never)

  it('publishing purges the collection, the document (old and new slug) and the collections that show it', async () => {
    const doc = { slug: 'new-slug', _status: 'published' }
    expect(await change('articles', doc, { slug: 'old-slug', _status: 'published' })).toBe(doc)
    expect(sentTags()).toEqual([['collection:articles', 'doc:articles:new-slug', 'doc:articles:old-slug', 'collection:conditions']])
  })

  it('unpublishing purges too', async () => {
    await change('services', { slug: 's', _status: 'draft' }, { slug: 's', _status: 'published' })
    expect(sentTags()).toEqual([['collection:services', 'doc:services:s', 'collection:articles', 'collection:conditions', 'collection:pages', 'collection:exercises']])
  })

  it('a draft save of an unpublished document sends nothing', async () => {
    const doc = { slug: 'd', _status: 'draft' }
    expect(await change('articles', doc, { slug: 'd', _status: 'draft' })).toBe(doc)
    await change('articles', { slug: 'd', _status: 'draft' })
    expect(calls).toHaveLength(0)
  })

  it('collections without drafts (media) always purge, with the collections that show them', async () => {
    await change('media', { filename: 'a.png' }, undefined, false)
    expect(sentTags()).toEqual([
      ['collection:media', 'collection:articles', 'collection:services', 'collection:exercises', 'collection:conditions', 'collection:pages', 'collection:team'],
    ])
  })

  it('each collection purges the ones that show it', async () => {
    const shown: Record<string, string[]> = {
      exercises: ['collection:articles', 'collection:conditions'],
      conditions: ['collection:articles', 'collection:services', 'collection:exercises'],
      team: ['collection:articles'],
      pages: [],
    }
    for (const [slug, others] of Object.entries(shown)) {
      calls.length = 0
      await change(slug, { slug: 'x', _status: 'published' })
      expect(sentTags(), slug).toEqual([[`collection:${slug}`, `doc:${slug}:x`, ...others]])
    }
  })

  it('deleting purges the collection and the document', async () => {
    const doc = { slug: 'gone', _status: 'published' }
    expect(await revalidateSiteAfterDelete({ collection: collection('team'), doc, req: req() } as never)).toBe(doc)
    expect(sentTags()).toEqual([['collection:team', 'doc:team:gone', 'collection:articles']])
  })

  it('a global change purges that global', async () => {
    const doc = { clinicName: 'x' }
    expect(await revalidateSiteAfterGlobalChange({ global: { slug: 'site-settings' }, doc, req: req() } as never)).toBe(doc)
    expect(sentTags()).toEqual([['global:site-settings']])
  })
})

describe('without a revalidation secret', () => {
  it('sends nothing and warns once', async () => {
    vi.resetModules()
    vi.stubEnv('SITE_REVALIDATE_SECRET', '')
    try {
      const fresh = await import('@/lib/site-purge')
      await fresh.sendRevalidation(['collection:articles'], req())
      await fresh.sendRevalidation(['collection:articles'], req())
      expect(calls).toHaveLength(0)
      expect(queued).toHaveLength(0)
      expect(warnings).toEqual(['SITE_REVALIDATE_SECRET is not set: the site is not told about content changes.'])
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
