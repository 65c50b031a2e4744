import { BlocksFeature } from '@payloadcms/richtext-lexical'
import type { CollectionConfig } from 'payload'
import { Callout } from '@/blocks/Callout/config'
import { ExerciseEmbed } from '@/blocks/ExerciseEmbed/config'
import { ServiceEmbed } from '@/blocks/ServiceEmbed/config'
import { contentCollection } from '@/collections/content-collection'
import { healthDocument } from '@/fields/health-document'
import { readingTimeMinutes } from '@/lib/reading-time'
import { clinicEditor } from '@/fields/rich-text'

const health = healthDocument({
  readableText: (doc) => [doc.excerpt as string | undefined, doc.body as { root?: unknown } | undefined],
})

export const Articles: CollectionConfig = contentCollection({
  slug: 'articles',
  titleField: 'title',
  writers: 'editors',
  labels: { singular: 'Article', plural: 'Articles' },
  admin: {
    group: 'Content',
    defaultColumns: ['title', 'author', 'reviewedAt', 'readingGrade', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'excerpt'],
    description: 'Health articles. Every medical claim needs a reviewer and a reviewed date before publishing.',
  },
  defaultSort: '-publishedAt',
  hooks: health.hooks,
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 120 },
    {
      name: 'excerpt',
      type: 'textarea',
      required: true,
      maxLength: 300,
      admin: { description: 'One or two sentences shown on cards and in search results.' },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    {
      name: 'body',
      type: 'richText',
      required: true,
      editor: clinicEditor([BlocksFeature({ blocks: [Callout, ExerciseEmbed, ServiceEmbed] })]),
    },
    health.fields.readingGrade,
    { name: 'author', type: 'relationship', relationTo: 'team', required: true },
    ...health.fields.review,
    { name: 'conditions', type: 'relationship', relationTo: 'conditions', hasMany: true },
    { name: 'relatedServices', type: 'relationship', relationTo: 'services', hasMany: true },
    { name: 'relatedExercises', type: 'relationship', relationTo: 'exercises', hasMany: true },
    health.fields.sources,
    {
      name: 'readingTime',
      type: 'number',
      label: 'Reading time (minutes)',
      admin: { readOnly: true, position: 'sidebar', description: 'Worked out from the body on save.' },
      hooks: {
        beforeChange: [({ siblingData }) => readingTimeMinutes(siblingData.body)],
      },
    },
  ],
})
