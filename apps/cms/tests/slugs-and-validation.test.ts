import { beforeAll, describe, expect, it } from 'vitest'
import { contentData, pngBytes, reviewerData, richText, svgBytes, titleFieldOf, unique, type SupportingDocs } from './helpers/fixtures'
import { rest } from './helpers/rest'

const contentCollections = ['articles', 'services', 'exercises', 'conditions', 'pages', 'team'] as const

const service = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  summary: 'Summary.',
  description: richText('Description.'),
  pressureLevel: 'medium',
  durations: [{ minutes: 60, price: 90 }],
  ...extra,
})

const fieldErrors = (body: any): Array<{ path: string; message: string }> => body?.errors?.[0]?.data?.errors ?? []

describe('slugs', () => {
  it('are made from the title when left empty: lower-case, accents dropped, hyphenated', async () => {
    const stamp = Date.now().toString(36)
    const created = await rest('editor', 'POST', '/api/services', service(`Deep Tissue & Sports Massage — Café ${stamp}`))
    expect(created.status, created.text).toBe(201)
    expect(created.body.doc.slug).toBe(`deep-tissue-and-sports-massage-cafe-${stamp}`)
  })

  it('can be set by hand and are cleaned into a URL-safe form', async () => {
    const stamp = Date.now().toString(36)
    const created = await rest('editor', 'POST', '/api/services', service(unique('Any name'), { slug: `  My Custom Slug ${stamp} ` }))
    expect(created.status, created.text).toBe(201)
    expect(created.body.doc.slug).toBe(`my-custom-slug-${stamp}`)
  })

  it('stay as they are when the title changes later, unless staff change them', async () => {
    const created = await rest('editor', 'POST', '/api/services', service(unique('Original name')))
    const renamed = await rest('editor', 'PATCH', `/api/services/${created.body.doc.id}`, { name: unique('New name') })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.slug).toBe(created.body.doc.slug)
  })
})

describe.each(contentCollections)('slugs of %s', (collection) => {
  const titleField = titleFieldOf(collection)
  let support: SupportingDocs
  beforeAll(async () => {
    const author = await rest('editor', 'POST', '/api/team', { name: unique('Author'), jobTitle: 'RMT', bio: 'Bio.', _status: 'published' })
    expect(author.status, author.text).toBe(201)
    const reviewer = await rest('editor', 'POST', '/api/team', reviewerData())
    expect(reviewer.status, reviewer.text).toBe(201)
    support = { teamId: author.body.doc.id, reviewerId: reviewer.body.doc.id }
  })
  const count = async (slug: string) => {
    const response = await rest('editor', 'GET', `/api/${collection}/count?where[slug][equals]=${encodeURIComponent(slug)}&draft=true`)
    expect(response.status, `counting ${collection} with slug ${slug}: ${response.text}`).toBe(200)
    expect(typeof response.body.totalDocs).toBe('number')
    return response.body.totalDocs as number
  }

  it('must be unique: a duplicate gets a 400 that names the slug field and the document holding it, and nothing is written', async () => {
    const data = contentData(collection, support)
    const first = await rest('editor', 'POST', `/api/${collection}`, data)
    expect(first.status, first.text).toBe(201)
    const slug: string = first.body.doc.slug
    expect(await count(slug)).toBe(1)
    const second = await rest('editor', 'POST', `/api/${collection}`, data)
    expect(second.status, second.text).toBe(400)
    const slugError = fieldErrors(second.body).find((error) => error.path === 'slug')
    expect(slugError, `a field error on slug: ${second.text}`).toBeDefined()
    expect(slugError!.message, 'the message names the slug and the document that holds it').toContain(`"${slug}" is already used by “${String(data[titleField])}”`)
    expect(await count(slug), 'the duplicate was not written').toBe(1)
  })

  it('a duplicate slug on update is a 400 too, naming the holder', async () => {
    const a = await rest('editor', 'POST', `/api/${collection}`, contentData(collection, support))
    const b = await rest('editor', 'POST', `/api/${collection}`, contentData(collection, support))
    expect([a.status, b.status], `${a.text} ${b.text}`).toEqual([201, 201])
    const clash = await rest('editor', 'PATCH', `/api/${collection}/${b.body.doc.id}`, { slug: a.body.doc.slug })
    expect(clash.status, clash.text).toBe(400)
    const slugError = fieldErrors(clash.body).find((error) => error.path === 'slug')
    expect(slugError?.message, clash.text).toContain(`by “${String(a.body.doc[titleField])}”`)
    const after = await rest('editor', 'GET', `/api/${collection}/${b.body.doc.id}?draft=true&depth=0`)
    expect(after.status).toBe(200)
    expect(after.body.slug, 'the slug of the second document did not change').toBe(b.body.doc.slug)
  })
})

describe('required fields', () => {
  it('an exercise without safety notes or steps is refused with a message per field', async () => {
    const response = await rest('editor', 'POST', '/api/exercises', {
      name: unique('Unsafe exercise'),
      summary: 'No safety notes.',
      targetArea: 'Hips',
      difficulty: 'beginner',
      frequency: 'Daily',
      _status: 'published',
    })
    expect(response.status, response.text).toBe(400)
    const paths = fieldErrors(response.body).map((error) => error.path)
    expect(paths).toEqual(expect.arrayContaining(['safetyNotes', 'steps']))
    for (const error of fieldErrors(response.body)) expect(error.message.length).toBeGreaterThan(5)
  })

  it('an appointment request without consent is refused', async () => {
    const response = await rest('admin', 'POST', '/api/appointment-requests', { name: 'Pat', email: 'pat@example.com', consent: false })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body).map((error) => error.path)).toContain('consent')
  })

  it('a link field refuses a javascript: address', async () => {
    const response = await rest('editor', 'POST', '/api/services', service(unique('Bad link'), { bookingUrl: 'javascript:alert(1)' }))
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body).map((error) => error.path)).toContain('bookingUrl')
  })

  // Generated: each spelling of "two slashes" a browser accepts (it reads \ as /, drops tabs and line breaks).
  const offSite = ['/', '\\'].flatMap((a) => ['/', '\\'].flatMap((b) => ['', '\t', '\n'].map((gap) => `${a}${gap}${b}evil.example/refund`)))

  it.each(offSite)('a link field refuses %j, which a browser resolves to another site, and nothing is written', async (url) => {
    expect(new URL(url, 'https://clinic.example/services/x').host).not.toBe('clinic.example')
    const name = unique('Off-site link')
    const response = await rest('editor', 'POST', '/api/services', service(name, { bookingUrl: url }))
    expect(response.status, response.text).toBe(400)
    expect(fieldErrors(response.body).find((error) => error.path === 'bookingUrl')?.message).toMatch(/another website|not "\\"|spaces, tabs or line breaks/)
    const stored = await rest('admin', 'GET', `/api/services?where[name][equals]=${encodeURIComponent(name)}&draft=true`)
    expect(stored.body.totalDocs).toBe(0)
  })
})

describe('uploads', () => {
  const upload = async (bytes: Buffer, name: string, type: string, alt?: string) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    if (alt !== undefined) form.append('_payload', JSON.stringify({ alt }))
    return rest('editor', 'POST', '/api/media', form)
  }

  it('accepts a PNG with alt text and makes card, hero and Open Graph sizes', async () => {
    const response = await upload(await pngBytes(2000, 1200), 'calm.png', 'image/png', 'Soft green shapes')
    expect(response.status, response.text).toBe(201)
    const sizes = response.body.doc.sizes
    expect(sizes.card.width).toBe(640)
    expect(sizes.hero.width).toBe(1600)
    expect([sizes.og.width, sizes.og.height]).toEqual([1200, 630])
  })

  it('refuses an SVG, even one that claims to be a PNG, with a message saying what to upload', async () => {
    for (const [name, type] of [['logo.svg', 'image/svg+xml'], ['logo.png', 'image/png']] as const) {
      const response = await upload(svgBytes, name, type, 'A logo')
      expect(response.status, `${name} as ${type}: ${response.text}`).toBe(400)
      expect(response.text).toMatch(/JPEG, PNG, WebP or AVIF/)
    }
  })

  it('refuses a document that is not an image', async () => {
    const response = await upload(Buffer.from('%PDF-1.4 not an image'), 'notes.pdf', 'application/pdf', 'Notes')
    expect(response.status).toBe(400)
    expect(response.text).toMatch(/JPEG, PNG, WebP or AVIF/)
  })

  it('refuses an image without alt text', async () => {
    const response = await upload(await pngBytes(), 'no-alt.png', 'image/png')
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body).map((error) => error.path)).toContain('alt')
  })

  it('refuses a file over the size limit', async () => {
    const big = Buffer.concat([await pngBytes(), Buffer.alloc(11 * 1024 * 1024)])
    const response = await upload(big, 'huge.png', 'image/png', 'Too big')
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })
})
