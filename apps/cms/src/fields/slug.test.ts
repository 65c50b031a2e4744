import type { FieldHook, TextField, Validate } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import { slugField, slugify } from './slug'

describe('slugify', () => {
  it.each([
    ['Deep Tissue Massage', 'deep-tissue-massage'],
    ['Café & Crème', 'cafe-and-creme'],
    ['  Spaces   everywhere  ', 'spaces-everywhere'],
    ['Don’t stop (it’s fine)', 'dont-stop-its-fine'],
    ["Don't", 'dont'],
    ['---Dashes---', 'dashes'],
    ['UPPER lower 123', 'upper-lower-123'],
    ['ÅÉÎÕÜ', 'aeiou'],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (input, output) => {
    expect(slugify(input)).toBe(output)
  })

  it('is at most 96 characters and never ends in a hyphen after cutting', () => {
    const long = `${'a'.repeat(95)} bcd`
    expect(slugify(long)).toBe('a'.repeat(95))
    expect(slugify('x'.repeat(200))).toHaveLength(96)
  })
})

const field = slugField('name') as TextField
const derive = field.hooks!.beforeValidate![0] as FieldHook
const validate = field.validate as Validate<string>

describe('slugField', () => {
  it('is a unique, indexed text field in the sidebar, naming its source', () => {
    expect(field).toMatchObject({ name: 'slug', type: 'text', unique: true, index: true, label: 'URL slug', admin: { position: 'sidebar' } })
    expect(field.admin?.description).toBe('Part of the page address. Left empty, it is made from the name.')
    expect((slugField() as TextField).admin?.description).toContain('made from the title')
  })

  it('cleans a slug given by hand', () => {
    expect(derive({ value: '  My Custom Slug ', data: { name: 'Other' } } as never)).toBe('my-custom-slug')
  })

  it('derives an empty slug from the source field, on create or from the saved document', () => {
    expect(derive({ value: '', data: { name: 'Hot Stone Massage' } } as never)).toBe('hot-stone-massage')
    expect(derive({ value: '  ', data: { name: 'Hot Stone' } } as never)).toBe('hot-stone')
    expect(derive({ value: undefined, data: {}, originalDoc: { name: 'Saved Name' } } as never)).toBe('saved-name')
    expect(((slugField() as TextField).hooks!.beforeValidate![0] as FieldHook)({ value: null, data: { title: 'A Title', name: 'No' } } as never)).toBe('a-title')
  })

  it('leaves it alone when there is nothing to derive from', () => {
    expect(derive({ value: undefined, data: { name: '  ' } } as never)).toBeUndefined()
    expect(derive({ value: '', data: { name: 42 } } as never)).toBe('')
    expect(derive({ value: null, data: undefined, originalDoc: undefined } as never)).toBeNull()
  })
})

describe('slug validation', () => {
  const holder = (doc?: Record<string, unknown>) => {
    const find = vi.fn(async () => ({ docs: doc ? [doc] : [] }))
    return { find, options: (id?: number) => ({ collectionSlug: 'services', id, req: { payload: { find } } }) as never }
  }

  it('accepts an empty slug (it is derived) and refuses one that is not URL-safe', async () => {
    const { find, options } = holder()
    for (const empty of [undefined, null, '']) expect(await validate(empty as never, options())).toBe(true)
    for (const bad of ['Has Caps', 'two--hyphens', '-lead', 'trail-', 'under_score', 'sp ace']) {
      expect(await validate(bad, options()), bad).toBe('Use lower-case letters, numbers and single hyphens only (for example "deep-tissue-massage").')
    }
    expect(await validate(12 as never, options())).toMatch(/^Use lower-case/)
    expect(find).not.toHaveBeenCalled()
  })

  it('accepts a free slug, looking among drafts too, without access control', async () => {
    const { find, options } = holder()
    expect(await validate('free-slug', options())).toBe(true)
    expect(find).toHaveBeenCalledWith(
      expect.objectContaining({
        collection: 'services',
        where: { slug: { equals: 'free-slug' } },
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        draft: true,
      }),
    )
  })

  it('on update, ignores the document itself', async () => {
    const { find, options } = holder()
    await validate('mine', options(7))
    expect(find).toHaveBeenCalledWith(expect.objectContaining({ where: { and: [{ slug: { equals: 'mine' } }, { id: { not_equals: 7 } }] } }))
  })

  it('names the document that holds the slug', async () => {
    expect(await validate('taken', holder({ title: 'Sciatica and massage' }).options())).toBe('The slug "taken" is already used by “Sciatica and massage”. Choose another.')
    expect(await validate('taken', holder({ name: 'Swedish massage' }).options())).toBe('The slug "taken" is already used by “Swedish massage”. Choose another.')
    expect(await validate('taken', holder({ id: 3 }).options())).toBe('The slug "taken" is already used. Choose another.')
  })

  it('outside a collection it checks the form only', async () => {
    const { find } = holder()
    expect(await validate('ok-slug', { req: { payload: { find } } } as never)).toBe(true)
    expect(find).not.toHaveBeenCalled()
  })
})
