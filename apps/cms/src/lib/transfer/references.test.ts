import type { Block, Field, PayloadRequest, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { referencedCollections, remapReferences, type Resolver } from './references'

const grid: Block = {
  slug: 'grid',
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'services', type: 'relationship', relationTo: 'services', hasMany: true },
  ],
}
const embed: Block = { slug: 'embed', fields: [{ name: 'exercise', type: 'relationship', relationTo: 'exercises' }] }

// The parts of a Lexical editor the walker reads: which nodes have sub-fields, and where their data is.
const editor = {
  editorConfig: {
    features: {
      getSubFields: new Map<string, (args: { node: Record<string, any> }) => Field[] | undefined>([
        ['block', ({ node }) => [embed, grid].find((block) => block.slug === node.fields.blockType)?.fields],
        ['link', () => [{ name: 'doc', type: 'relationship', relationTo: ['services', 'articles'] }]],
      ]),
      getSubFieldsData: new Map<string, (args: { node: Record<string, any> }) => Record<string, unknown>>([
        ['block', ({ node }) => node.fields],
        ['link', ({ node }) => node.fields],
      ]),
    },
  },
}

const fields = [
  { name: 'author', type: 'relationship', relationTo: 'team' },
  { name: 'conditions', type: 'relationship', relationTo: 'conditions', hasMany: true },
  { name: 'related', type: 'relationship', relationTo: ['services', 'exercises'], hasMany: true },
  {
    type: 'tabs',
    tabs: [
      { label: 'Main', fields: [{ name: 'image', type: 'upload', relationTo: 'media' }] },
      { name: 'meta', label: 'SEO', fields: [{ name: 'image', type: 'upload', relationTo: 'media' }] },
    ],
  },
  { type: 'row', fields: [{ name: 'reviewer', type: 'relationship', relationTo: 'team' }] },
  {
    name: 'extra',
    type: 'group',
    fields: [{ name: 'rows', type: 'array', fields: [{ name: 'service', type: 'relationship', relationTo: 'services' }] }],
  },
  { name: 'layout', type: 'blocks', blocks: [grid] },
  { name: 'shared', type: 'blocks', blocks: [], blockReferences: ['embed'] },
  { name: 'body', type: 'richText', editor },
  { name: 'count', type: 'number' },
] as unknown as Field[]

const config = { blocks: [embed] } as unknown as SanitizedConfig
const req = {} as Partial<PayloadRequest>

/** Old ids become "<collection>-<id>"; conditions 9 is not created yet; id 404 never existed. */
const resolve: Resolver = (collection, id) => {
  if (String(id) === '404') return { status: 'missing' }
  if (collection === 'conditions' && String(id) === '9') return { status: 'pending' }
  return { status: 'mapped', id: `${collection}-${id}` }
}

const text = (value: string) => ({ type: 'text', text: value })

describe('remapReferences', () => {
  it('rewrites every kind of reference, wherever the field configs put one, and leaves other values alone', () => {
    const data: Record<string, any> = {
      author: 1,
      conditions: [2, 3],
      related: [
        { relationTo: 'services', value: 4 },
        { relationTo: 'exercises', value: 5 },
      ],
      image: 6,
      meta: { image: 7 },
      reviewer: { id: 8, name: 'populated' },
      extra: { rows: [{ id: 'row-1', service: 10 }] },
      layout: [{ id: 'block-1', blockType: 'grid', heading: 'Services', services: [11, 12] }],
      shared: [{ id: 'block-2', blockType: 'embed', exercise: 13 }],
      body: {
        root: {
          type: 'root',
          children: [
            { type: 'paragraph', children: [text('see '), { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 14 } }, children: [text('this')] }] },
            { type: 'block', fields: { id: 'lexical-1', blockType: 'embed', exercise: 15 } },
            { type: 'upload', relationTo: 'media', value: 16, fields: null },
            { type: 'relationship', relationTo: 'conditions', value: 17 },
          ],
        },
      },
      count: 5,
    }
    const result = remapReferences(data, fields, { resolve, config, req })
    expect(result).toEqual({ pending: false, dropped: [] })
    expect(data).toMatchObject({
      author: 'team-1',
      conditions: ['conditions-2', 'conditions-3'],
      related: [
        { relationTo: 'services', value: 'services-4' },
        { relationTo: 'exercises', value: 'exercises-5' },
      ],
      image: 'media-6',
      meta: { image: 'media-7' },
      reviewer: 'team-8',
      extra: { rows: [{ id: 'row-1', service: 'services-10' }] },
      layout: [{ id: 'block-1', blockType: 'grid', heading: 'Services', services: ['services-11', 'services-12'] }],
      shared: [{ id: 'block-2', blockType: 'embed', exercise: 'exercises-13' }],
      count: 5,
    })
    const [paragraph, block, upload, relationship] = data.body.root.children
    expect(paragraph.children[1].fields.doc).toEqual({ relationTo: 'articles', value: 'articles-14' })
    expect(block.fields).toEqual({ id: 'lexical-1', blockType: 'embed', exercise: 'exercises-15' })
    expect(upload).toMatchObject({ relationTo: 'media', value: 'media-16' })
    expect(relationship).toMatchObject({ relationTo: 'conditions', value: 'conditions-17' })
  })

  it('leaves out references to documents not created yet (pending) and clears dangling ones, reporting where', () => {
    const data: Record<string, any> = {
      author: 404,
      conditions: [9, 2],
      related: [{ relationTo: 'services', value: 404 }],
      body: { root: { type: 'root', children: [{ type: 'relationship', relationTo: 'conditions', value: 9 }] } },
    }
    const result = remapReferences(data, fields, { resolve, config, req })
    expect(result.pending).toBe(true)
    expect(result.dropped).toEqual([
      { path: 'author', collection: 'team', id: 404 },
      { path: 'related.0', collection: 'services', id: 404 },
    ])
    expect(data).toMatchObject({ author: null, conditions: ['conditions-2'], related: [] })
    expect(data.body.root.children[0].value).toBeNull()
  })
})

describe('referencedCollections', () => {
  it('lists the collections a set of fields can point at, blocks included', () => {
    expect(referencedCollections(fields, config)).toEqual(new Set(['team', 'conditions', 'services', 'exercises', 'media']))
  })
})
