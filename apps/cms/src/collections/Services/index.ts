import type { CollectionConfig } from 'payload'
import { contentCollection } from '@/collections/content-collection'
import { linkField } from '@/fields/url'

export const Services: CollectionConfig = contentCollection({
  slug: 'services',
  titleField: 'name',
  writers: 'editors',
  labels: { singular: 'Service', plural: 'Services' },
  admin: {
    group: 'Content',
    defaultColumns: ['name', 'pressureLevel', 'displayOrder', '_status', 'updatedAt'],
    listSearchableFields: ['name', 'slug', 'summary'],
  },
  defaultSort: 'displayOrder',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'summary', type: 'textarea', required: true, maxLength: 300 },
    { name: 'description', type: 'richText', required: true },
    {
      name: 'benefits',
      type: 'array',
      labels: { singular: 'Benefit', plural: 'Benefits' },
      fields: [{ name: 'benefit', type: 'text', required: true }],
    },
    {
      name: 'whatToExpect',
      type: 'textarea',
      label: 'What to expect',
      admin: { description: 'How a session runs, from arrival to aftercare.' },
    },
    {
      name: 'pressureLevel',
      type: 'select',
      required: true,
      options: [
        { label: 'Light', value: 'light' },
        { label: 'Medium', value: 'medium' },
        { label: 'Firm', value: 'firm' },
        { label: 'Deep', value: 'deep' },
        { label: 'Adjusted to you', value: 'adjustable' },
      ],
    },
    {
      name: 'durations',
      type: 'array',
      required: true,
      minRows: 1,
      labels: { singular: 'Duration and price', plural: 'Durations and prices' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'minutes', type: 'number', required: true, min: 15, max: 240 },
            { name: 'price', type: 'number', required: true, min: 0, admin: { step: 0.01, description: 'In the clinic’s currency.' } },
          ],
        },
      ],
    },
    { name: 'suitableFor', type: 'relationship', relationTo: 'conditions', hasMany: true, label: 'Suitable for' },
    {
      name: 'contraindications',
      type: 'array',
      labels: { singular: 'Contraindication', plural: 'Contraindications' },
      admin: { description: 'When this service should not be given, or only with a doctor’s agreement.' },
      fields: [{ name: 'item', type: 'text', required: true }],
    },
    { name: 'image', type: 'upload', relationTo: 'media' },
    {
      name: 'displayOrder',
      type: 'number',
      defaultValue: 100,
      admin: { position: 'sidebar', description: 'Lower numbers are listed first.' },
    },
    linkField('bookingUrl', {
      label: 'Booking link override',
      admin: { position: 'sidebar', description: 'Leave empty to use the clinic’s booking link.' },
    }),
  ],
})
