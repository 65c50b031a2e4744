import type { CollectionConfig } from 'payload'
import { contentCollection } from '@/collections/content-collection'
import { healthDocument } from '@/fields/health-document'

type Rows = Record<string, unknown>[] | null | undefined
const texts = (rows: unknown, ...keys: string[]) =>
  ((rows as Rows) ?? []).flatMap((row) => keys.map((key) => row[key] as string | undefined))

const health = healthDocument({
  readableText: (doc) => [
    doc.summary as string | undefined,
    doc.whatItIs as { root?: unknown } | undefined,
    ...texts(doc.causes, 'cause', 'detail'),
    ...texts(doc.symptoms, 'symptom'),
    ...texts(doc.redFlags, 'flag'),
  ],
})

export const Conditions: CollectionConfig = contentCollection({
  slug: 'conditions',
  titleField: 'name',
  writers: 'editors',
  labels: { singular: 'Condition', plural: 'Conditions' },
  admin: {
    group: 'Content',
    defaultColumns: ['name', 'reviewedAt', 'readingGrade', '_status', 'updatedAt'],
    listSearchableFields: ['name', 'slug', 'summary'],
  },
  defaultSort: 'name',
  hooks: health.hooks,
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'summary', type: 'textarea', required: true, maxLength: 300 },
    { name: 'whatItIs', type: 'richText', required: true, label: 'What it is' },
    health.fields.readingGrade,
    {
      name: 'causes',
      type: 'array',
      labels: { singular: 'Cause', plural: 'Causes' },
      fields: [
        { name: 'cause', type: 'text', required: true },
        { name: 'detail', type: 'textarea' },
      ],
    },
    {
      name: 'symptoms',
      type: 'array',
      minRows: 1,
      required: true,
      labels: { singular: 'Symptom', plural: 'Symptoms' },
      fields: [{ name: 'symptom', type: 'text', required: true }],
    },
    {
      name: 'redFlags',
      type: 'array',
      label: 'When to see a doctor',
      labels: { singular: 'Red flag', plural: 'Red flags' },
      admin: { description: 'Signs that need medical care rather than massage.' },
      fields: [{ name: 'flag', type: 'text', required: true }],
    },
    { name: 'relatedServices', type: 'relationship', relationTo: 'services', hasMany: true },
    { name: 'relatedExercises', type: 'relationship', relationTo: 'exercises', hasMany: true },
    { name: 'relatedArticles', type: 'relationship', relationTo: 'articles', hasMany: true },
    ...health.fields.review,
    health.fields.sources,
  ],
})
