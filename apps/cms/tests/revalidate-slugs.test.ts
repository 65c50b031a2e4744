import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contentData, supportingDocs, type SupportingDocs } from './helpers/fixtures'
import { bootPayload, shutdownPayload } from './helpers/payload'
import { startSiteReceiver, type SiteReceiver } from './helpers/site-receiver'

/**
 * Which document tags the CMS sends the site after a slug change or an unpublish, on a real
 * database: the slug that was live (published) must be purged, not the latest draft's. The site's
 * pages also carry their collection's tag, but a front cache that purges a document's own URLs
 * by its tag (`doc:<collection>:<slug>`) only learns of the old address from it. The receiver
 * (helpers/site-receiver) records what the CMS POSTs to /api/revalidate (the site's side is tested
 * end to end in apps/web/tests/e2e/06-shared-cache).
 */

let payload: Payload
let support: SupportingDocs
let receiver: SiteReceiver
let received: string[][] = []
const secret = 'revalidate-slugs-test-secret'

beforeAll(async () => {
  receiver = await startSiteReceiver(secret)
  received = receiver.received
  payload = await bootPayload('revalidate-slugs', { url: receiver.url, revalidateSecret: secret })
  support = await supportingDocs(payload)
})

afterAll(async () => {
  await shutdownPayload(payload)
  await receiver?.down()
})

beforeEach(() => {
  received.length = 0
})

const docTags = () => received.flat().filter((tag) => tag.startsWith('doc:articles:'))

/**
 * The CMS tells the site once the write is committed, after the call returns: waits until the
 * receiver has heard `until` (or, without it, nothing new for 300 ms), 10 s at most.
 */
async function settled(until?: (tags: string[]) => boolean): Promise<void> {
  const started = Date.now()
  let count = -1
  let quietSince = Date.now()
  while (Date.now() - started < 10_000) {
    if (until?.(docTags())) return
    if (received.length !== count) {
      count = received.length
      quietSince = Date.now()
    } else if (!until && Date.now() - quietSince >= 300) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('the slug purged after a change is the one that was live', () => {
  it('publish at a, draft at b, publish at c: purges a and c, never the draft’s b', async () => {
    const stamp = Date.now().toString(36)
    const [a, b, c] = [`live-${stamp}`, `draft-${stamp}`, `moved-${stamp}`]
    const doc = await payload.create({ collection: 'articles', data: { ...contentData('articles', support), slug: a, _status: 'published' } as never, overrideAccess: true })
    await payload.update({ collection: 'articles', id: doc.id, draft: true, data: { slug: b, _status: 'draft' } as never, overrideAccess: true })
    await settled()
    received.length = 0
    await payload.update({ collection: 'articles', id: doc.id, data: { slug: c, _status: 'published' } as never, overrideAccess: true })
    await settled((tags) => tags.includes(`doc:articles:${a}`) && tags.includes(`doc:articles:${c}`))
    await settled()
    expect(docTags()).toContain(`doc:articles:${a}`)
    expect(docTags()).toContain(`doc:articles:${c}`)
    expect(docTags()).not.toContain(`doc:articles:${b}`)
  })

  it('an unpublish after a draft under another slug purges the live slug', async () => {
    const stamp = Date.now().toString(36)
    const [a, b] = [`unpub-live-${stamp}`, `unpub-draft-${stamp}`]
    const doc = await payload.create({ collection: 'articles', data: { ...contentData('articles', support), slug: a, _status: 'published' } as never, overrideAccess: true })
    await payload.update({ collection: 'articles', id: doc.id, draft: true, data: { slug: b, _status: 'draft' } as never, overrideAccess: true })
    await settled()
    received.length = 0
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' } as never, overrideAccess: true })
    await settled((tags) => tags.includes(`doc:articles:${a}`))
    expect(docTags()).toContain(`doc:articles:${a}`)
  })
})
