import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentData, supportingDocs, unique, type SupportingDocs } from './helpers/fixtures'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * Redirects as marketers manage them: what is refused (with a message on the field), how chains
 * collapse, and the redirects the CMS adds by itself when a published page moves. Local API with
 * access control on, as a marketer.
 */

let payload: Payload
let support: SupportingDocs
let marketer: Awaited<ReturnType<Payload['create']>> & { collection: 'users' }

beforeAll(async () => {
  payload = await bootPayload('redirects')
  support = await supportingDocs(payload)
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: 'marketer@redirects.example', password: 'redirects-password-1', name: 'Marketer', role: 'marketer' },
  })
  marketer = { ...user, collection: 'users' } as typeof marketer
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const slugOf = (label: string) => unique(label).toLowerCase().replace(/[^a-z0-9]+/g, '-')

async function article(state: 'draft' | 'published', slug = slugOf('article')) {
  return payload.create({
    collection: 'articles',
    overrideAccess: true,
    draft: state === 'draft',
    data: { ...contentData('articles', support), slug, _status: state } as never,
  })
}

type RedirectInput = { from: string; to: { type: 'reference'; reference: { relationTo: 'articles'; value: number | string } } | { type: 'custom'; url: string }; type?: '301' | '302' }

const createRedirect = (data: RedirectInput) =>
  payload.create({ collection: 'redirects', user: marketer, overrideAccess: false, data: { type: '301', ...data } as never })

/** The field errors of a refused write, as the admin shows them beside the fields. */
async function fieldErrors(write: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await write
  } catch (error) {
    const e = error as { status?: number; data?: { errors?: { path: string; message: string }[] } }
    expect(e.status, String(error)).toBe(400)
    return e.data?.errors ?? []
  }
  throw new Error('The write was accepted')
}

const destinationOf = async (from: string) =>
  (await payload.find({ collection: 'redirects', where: { from: { equals: from } }, overrideAccess: true })).docs[0]?.destination

describe('a redirect a marketer writes', () => {
  it('is normalised to a path and sent to the published page it names', async () => {
    const target = await article('published')
    const old = `/${slugOf('old')}`
    const redirect = await createRedirect({ from: `  ${old}/?utm=1 `, to: { type: 'reference', reference: { relationTo: 'articles', value: target.id } } })
    expect(redirect.from).toBe(old)
    expect(redirect.destination).toBe(`/articles/${target.slug}`)
  })

  it.each([
    ['https://elsewhere.example/old', /this site's own addresses/],
    ['//elsewhere.example/old', /single slash/],
    ['/', /home page/],
  ])('refuses a "from" of %j with a message on the field', async (from, message) => {
    const errors = await fieldErrors(createRedirect({ from, to: { type: 'custom', url: '/services' } }))
    expect(errors).toEqual([expect.objectContaining({ path: 'from', message: expect.stringMatching(message) })])
  })

  it('may send visitors to another site, but only over http(s)', async () => {
    const ok = await createRedirect({ from: `/${slugOf('partner')}`, to: { type: 'custom', url: 'https://partner.example/offer' } })
    expect(ok.destination).toBe('https://partner.example/offer')
    const errors = await fieldErrors(createRedirect({ from: `/${slugOf('bad')}`, to: { type: 'custom', url: 'javascript:alert(1)' } }))
    expect(errors[0]).toMatchObject({ path: 'to.url', message: expect.stringMatching(/web addresses/) })
  })

  it('refuses a second redirect from the same address', async () => {
    const from = `/${slugOf('twice')}`
    await createRedirect({ from, to: { type: 'custom', url: '/services' } })
    const errors = await fieldErrors(createRedirect({ from, to: { type: 'custom', url: '/exercises' } }))
    expect(errors[0]).toMatchObject({ path: 'from', message: expect.stringMatching(/already exists/) })
  })

  it('refuses to redirect the address of a published page', async () => {
    const live = await article('published')
    const errors = await fieldErrors(createRedirect({ from: `/articles/${live.slug}`, to: { type: 'custom', url: '/services' } }))
    expect(errors[0]).toMatchObject({ path: 'from', message: expect.stringMatching(/is published at/) })
  })
})

describe('drafts', () => {
  it('refuses a draft as the target, whether chosen as a document or typed as a path', async () => {
    const draft = await article('draft')
    const byReference = await fieldErrors(
      createRedirect({ from: `/${slugOf('to-draft')}`, to: { type: 'reference', reference: { relationTo: 'articles', value: draft.id } } }),
    )
    expect(byReference[0]).toMatchObject({ path: 'to.reference', message: expect.stringMatching(/not published yet/) })
    const byPath = await fieldErrors(createRedirect({ from: `/${slugOf('to-draft')}`, to: { type: 'custom', url: `/articles/${draft.slug}` } }))
    expect(byPath[0]).toMatchObject({ path: 'to.url', message: expect.stringMatching(/not published yet/) })
  })

  it('switches a redirect off while its target is unpublished, and on again when it is republished', async () => {
    const target = await article('published')
    const from = `/${slugOf('follows')}`
    await createRedirect({ from, to: { type: 'reference', reference: { relationTo: 'articles', value: target.id } } })
    await payload.update({ collection: 'articles', id: target.id, overrideAccess: true, data: { _status: 'draft' } })
    expect(await destinationOf(from)).toBeFalsy()
    const anonymous = await payload.find({ collection: 'redirects', overrideAccess: false, where: { from: { equals: from } } })
    expect(anonymous.docs, 'the site must not see a redirect to a draft').toHaveLength(0)
    await payload.update({ collection: 'articles', id: target.id, overrideAccess: true, data: { _status: 'published' } })
    expect(await destinationOf(from)).toBe(`/articles/${target.slug}`)
  })
})

describe('chains and loops', () => {
  it('collapses a chain to one hop, whichever redirect is written first', async () => {
    const [a, b, c] = [`/${slugOf('a')}`, `/${slugOf('b')}`, `/${slugOf('c')}`]
    // b → c exists; a → b is sent straight to c.
    await createRedirect({ from: b, to: { type: 'custom', url: c } })
    const ab = await createRedirect({ from: a, to: { type: 'custom', url: b } })
    expect(ab.destination).toBe(c)
    // Now c → /services: both earlier redirects lead straight there.
    await createRedirect({ from: c, to: { type: 'custom', url: '/services' } })
    expect(await destinationOf(a)).toBe('/services')
    expect(await destinationOf(b)).toBe('/services')
  })

  it('refuses a loop and a redirect to itself, saying which redirect closes the circle', async () => {
    const [a, b] = [`/${slugOf('loop-a')}`, `/${slugOf('loop-b')}`]
    await createRedirect({ from: a, to: { type: 'custom', url: b } })
    const loop = await fieldErrors(createRedirect({ from: b, to: { type: 'custom', url: a } }))
    expect(loop[0]).toMatchObject({ path: 'to.url', message: expect.stringContaining(`${a} already redirects to ${b}`) })
    const self = await fieldErrors(createRedirect({ from: `${b}-self`, to: { type: 'custom', url: `${b}-self/` } }))
    expect(self[0]).toMatchObject({ path: 'to.url', message: expect.stringMatching(/to itself/) })
  })
})

describe('a loop left in the database (by an import, or two saves racing)', () => {
  /** Writes a redirect through the database adapter, past every check, as `db:import` would. */
  const plant = (from: string, to: string) =>
    payload.db.create({ collection: 'redirects', data: { from, to: { type: 'custom', url: to }, destination: to, type: '301', automatic: false } })

  const asMarketer = (from: string) =>
    payload.find({ collection: 'redirects', user: marketer, overrideAccess: false, where: { from: { equals: from } } }).then(({ docs }) => docs[0] as { id: number | string; problem?: string | null })

  it('the CMS answers: saving a redirect of the circle, or one leading into it, is refused with a message naming the circle', async () => {
    const [a, b, c] = [`/${slugOf('planted-a')}`, `/${slugOf('planted-b')}`, `/${slugOf('planted-c')}`]
    await plant(a, b)
    await plant(b, a)
    const { id } = await asMarketer(a)
    const resave = await fieldErrors(payload.update({ collection: 'redirects', id, user: marketer, overrideAccess: false, data: { note: 'checked' } }))
    expect(resave[0]).toMatchObject({ path: 'to.url', message: expect.stringContaining(`would send visitors in a circle: ${b} already redirects to ${a}`) })
    const into = await fieldErrors(createRedirect({ from: c, to: { type: 'custom', url: a } }))
    expect(into[0]?.message).toMatch(/in a circle/)
    // Nothing was written by the refused saves.
    expect(await destinationOf(c)).toBeUndefined()
    expect(await destinationOf(a)).toBe(b)
  })

  it('the Redirects list and the document show the circle, and a chain, in the “Problem” column', async () => {
    const [a, b, c, d] = [`/${slugOf('shown-a')}`, `/${slugOf('shown-b')}`, `/${slugOf('shown-c')}`, `/${slugOf('shown-d')}`]
    await plant(a, b)
    await plant(b, a)
    await plant(c, d)
    await plant(d, '/services')
    const { docs } = await payload.find({
      collection: 'redirects',
      user: marketer,
      overrideAccess: false,
      where: { from: { in: [a, b, c, d] } },
      sort: 'from',
    })
    const problems = Object.fromEntries(docs.map((doc) => [doc.from, (doc as { problem?: string | null }).problem ?? null]))
    expect(problems[a]).toBe(`Loop: ${a} → ${b} → ${a}. Visitors are sent round in circles: change or delete one of these redirects.`)
    expect(problems[b]).toMatch(new RegExp(`^Loop: ${b} → ${a} → ${b}\\.`))
    expect(problems[c]).toBe(`Chain: ${c} → ${d} → /services. Visitors take 2 hops: save this redirect again to send them straight there.`)
    expect(problems[d]).toBeNull()
    // Saving the chain's first redirect again collapses it, and the problem goes away.
    const first = await asMarketer(c)
    await payload.update({ collection: 'redirects', id: first.id, user: marketer, overrideAccess: false, data: {} })
    expect((await asMarketer(c)).problem).toBeNull()
    // The site (anonymous) never sees the field.
    const anonymous = await payload.find({ collection: 'redirects', overrideAccess: false, where: { from: { equals: a } } })
    expect(anonymous.docs[0]).not.toHaveProperty('problem')
  })

  it('moving a page that a redirect of the circle names still works, and sets that redirect right', async () => {
    const doc = await article('published')
    const [a, b] = [`/${slugOf('page-loop-a')}`, `/${slugOf('page-loop-b')}`]
    // a names the page, but its stored destination is b, which leads back to a (as a race could leave them).
    await payload.db.create({
      collection: 'redirects',
      data: { from: a, to: { type: 'reference', reference: { relationTo: 'articles', value: doc.id } }, destination: b, type: '301', automatic: false },
    })
    await plant(b, a)
    expect((await asMarketer(a)).problem).toMatch(/^Loop: /)
    const slug = slugOf('moved')
    const moved = await payload.update({ collection: 'articles', id: doc.id, overrideAccess: true, data: { slug, _status: 'published' } as never })
    expect(moved.slug).toBe(slug)
    expect(await destinationOf(a)).toBe(`/articles/${slug}`)
    expect(await destinationOf(b)).toBe(`/articles/${slug}`)
    expect((await asMarketer(a)).problem).toBeNull()
  })
})

describe('a published page whose slug changes', () => {
  it('gets a redirect from its old address, and earlier redirects to it follow', async () => {
    const doc = await article('published')
    const oldPath = `/articles/${doc.slug}`
    const older = `/${slugOf('older')}`
    await createRedirect({ from: older, to: { type: 'custom', url: oldPath } })
    const newSlug = slugOf('moved')
    // As the admin does it: a draft with the new slug (autosave), then "Publish changes".
    await payload.update({ collection: 'articles', id: doc.id, overrideAccess: true, draft: true, data: { slug: newSlug } })
    expect(await destinationOf(oldPath), 'a draft slug is not public yet').toBeUndefined()
    await payload.update({ collection: 'articles', id: doc.id, user: marketer, overrideAccess: false, data: { _status: 'published' } })
    const automatic = (await payload.find({ collection: 'redirects', where: { from: { equals: oldPath } }, overrideAccess: true })).docs[0]
    expect(automatic).toMatchObject({ destination: `/articles/${newSlug}`, type: '301', automatic: true })
    expect(await destinationOf(older), 'the chain collapses to one hop').toBe(`/articles/${newSlug}`)
  })

  it('moving back removes the redirect from the address it returns to, instead of making a loop', async () => {
    const doc = await article('published')
    const [first, second] = [doc.slug as string, slugOf('second')]
    await payload.update({ collection: 'articles', id: doc.id, overrideAccess: true, data: { slug: second, _status: 'published' } })
    await payload.update({ collection: 'articles', id: doc.id, overrideAccess: true, data: { slug: first, _status: 'published' } })
    expect(await destinationOf(`/articles/${first}`)).toBeUndefined()
    expect(await destinationOf(`/articles/${second}`)).toBe(`/articles/${first}`)
  })

  it('a draft that was never published moves without a redirect', async () => {
    const doc = await article('draft')
    await payload.update({ collection: 'articles', id: doc.id, overrideAccess: true, draft: true, data: { slug: slugOf('renamed') } })
    expect(await destinationOf(`/articles/${doc.slug}`)).toBeUndefined()
  })
})

describe('what anonymous visitors (the site) can read', () => {
  it('the old address, the destination and the kind; never the note or the target document', async () => {
    const target = await article('published')
    const from = `/${slugOf('public')}`
    await createRedirect({ from, to: { type: 'reference', reference: { relationTo: 'articles', value: target.id } } })
    await payload.update({ collection: 'redirects', where: { from: { equals: from } }, overrideAccess: true, data: { note: 'Internal reason' } })
    const { docs } = await payload.find({ collection: 'redirects', overrideAccess: false, where: { from: { equals: from } } })
    expect(docs[0]).toMatchObject({ from, destination: `/articles/${target.slug}`, type: '301' })
    expect(docs[0]).not.toHaveProperty('note')
    expect(docs[0]).not.toHaveProperty('to')
  })
})
