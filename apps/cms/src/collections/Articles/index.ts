import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig } from 'payload'
import { Callout } from '@/blocks/Callout/config'
import { ExerciseEmbed } from '@/blocks/ExerciseEmbed/config'
import { ServiceEmbed } from '@/blocks/ServiceEmbed/config'
import { contentCollection } from '@/collections/content-collection'
import { readingTimeMinutes } from '@/lib/reading-time'

export const Articles: CollectionConfig = contentCollection({
  slug: 'articles',
  titleField: 'title',
  writers: 'editors',
  labels: { singular: 'Article', plural: 'Articles' },
  admin: {
    group: 'Content',
    defaultColumns: ['title', 'author', 'reviewedAt', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'excerpt'],
    description: 'Health articles. Every medical claim needs a reviewer and a reviewed date before publishing.',
  },
  defaultSort: '-publishedAt',
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
      editor: lexicalEditor({
        features: ({ defaultFeatures }) => [
          ...defaultFeatures,
          BlocksFeature({ blocks: [Callout, ExerciseEmbed, ServiceEmbed] }),
        ],
      }),
    },
    {
      type: 'row',
      fields: [
        { name: 'author', type: 'relationship', relationTo: 'team', required: true },
        {
          name: 'medicalReviewer',
          type: 'relationship',
          relationTo: 'team',
          admin: { description: 'The clinician who checked the medical claims.' },
        },
        {
          name: 'reviewedAt',
          type: 'date',
          label: 'Reviewed on',
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
    { name: 'conditions', type: 'relationship', relationTo: 'conditions', hasMany: true },
    { name: 'relatedServices', type: 'relationship', relationTo: 'services', hasMany: true },
    { name: 'relatedExercises', type: 'relationship', relationTo: 'exercises', hasMany: true },
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
