import type { CollectionConfig } from 'payload'
import { contentCollection } from '@/collections/content-collection'
import { healthDocument } from '@/fields/health-document'
import { validateLink } from '@/fields/url'

type Rows = Record<string, unknown>[] | null | undefined
const texts = (rows: unknown, key: string) => ((rows as Rows) ?? []).map((row) => row[key] as string | undefined)

const health = healthDocument({
  readableText: (doc) => [
    doc.summary as string | undefined,
    ...texts(doc.steps, 'instruction'),
    doc.safetyNotes as string | undefined,
    ...texts(doc.stopIf, 'warning'),
  ],
})

export const Exercises: CollectionConfig = contentCollection({
  slug: 'exercises',
  titleField: 'name',
  writers: 'editors',
  labels: { singular: 'Exercise', plural: 'Exercises' },
  admin: {
    group: 'Content',
    defaultColumns: ['name', 'targetArea', 'difficulty', 'reviewedAt', 'readingGrade', '_status', 'updatedAt'],
    listSearchableFields: ['name', 'slug', 'summary', 'targetArea'],
  },
  defaultSort: 'name',
  hooks: health.hooks,
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'summary', type: 'textarea', required: true, maxLength: 300 },
    {
      type: 'row',
      fields: [
        { name: 'targetArea', type: 'text', required: true, admin: { description: 'e.g. "Hamstrings and sciatic nerve"' } },
        {
          name: 'difficulty',
          type: 'select',
          required: true,
          defaultValue: 'beginner',
          options: [
            { label: 'Beginner', value: 'beginner' },
            { label: 'Intermediate', value: 'intermediate' },
            { label: 'Advanced', value: 'advanced' },
          ],
        },
      ],
    },
    {
      name: 'equipment',
      type: 'array',
      labels: { singular: 'Item', plural: 'Equipment' },
      fields: [{ name: 'item', type: 'text', required: true }],
    },
    {
      name: 'steps',
      type: 'array',
      required: true,
      minRows: 1,
      labels: { singular: 'Step', plural: 'Steps' },
      admin: { description: 'In order. One movement or position per step.' },
      fields: [
        { name: 'instruction', type: 'textarea', required: true },
        { name: 'image', type: 'upload', relationTo: 'media' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'sets', type: 'number', min: 1, max: 20 },
        { name: 'reps', type: 'number', min: 1, max: 100 },
        { name: 'holdSeconds', type: 'number', min: 1, max: 600, label: 'Hold (seconds)' },
      ],
    },
    { name: 'frequency', type: 'text', required: true, label: 'How often', admin: { description: 'e.g. "Twice a day"' } },
    {
      name: 'safetyNotes',
      type: 'textarea',
      required: true,
      admin: { description: 'Shown prominently before the steps. Required.' },
    },
    {
      name: 'stopIf',
      type: 'array',
      label: 'Stop if',
      labels: { singular: 'Warning sign', plural: 'Warning signs' },
      fields: [{ name: 'warning', type: 'text', required: true }],
    },
    { name: 'image', type: 'upload', relationTo: 'media' },
    {
      name: 'videoUrl',
      type: 'text',
      label: 'Video URL',
      validate: (value: unknown) => {
        if (!value) return true
        const result = validateLink(value)
        if (result !== true) return result
        return /^https:\/\//.test(String(value)) ? true : 'A video link must start with https://.'
      },
    },
    { name: 'conditions', type: 'relationship', relationTo: 'conditions', hasMany: true },
    health.fields.readingGrade,
    ...health.fields.review,
    health.fields.sources,
  ],
})
