import { describe, expect, it } from 'vitest'
import { pngBytes, richText, svgBytes, unique } from './helpers/fixtures'
import { rest } from './helpers/rest'

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

  it('must be unique: a duplicate gets a 400 that names the slug field, and nothing is written', async () => {
    const name = unique('Twin service')
    const first = await rest('editor', 'POST', '/api/services', service(name))
    expect(first.status).toBe(201)
    const before = await rest('editor', 'GET', `/api/services/count?where[slug][equals]=${first.body.doc.slug}`)
    const second = await rest('editor', 'POST', '/api/services', service(name))
    expect(second.status, second.text).toBe(400)
    expect(fieldErrors(second.body).map((error) => error.path)).toContain('slug')
    const after = await rest('editor', 'GET', `/api/services/count?where[slug][equals]=${first.body.doc.slug}`)
    expect(after.body.totalDocs).toBe(before.body.totalDocs)
  })

  it('a duplicate slug on update is a 400 too', async () => {
    const a = await rest('editor', 'POST', '/api/services', service(unique('Service A')))
    const b = await rest('editor', 'POST', '/api/services', service(unique('Service B')))
    const clash = await rest('editor', 'PATCH', `/api/services/${b.body.doc.id}`, { slug: a.body.doc.slug })
    expect(clash.status, clash.text).toBe(400)
    expect(fieldErrors(clash.body).map((error) => error.path)).toContain('slug')
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
