import type { CollectionConfig } from 'payload'
import { contentCollection } from '@/collections/content-collection'

export const Team: CollectionConfig = contentCollection({
  slug: 'team',
  titleField: 'name',
  writers: 'editors',
  labels: { singular: 'Team member', plural: 'Team' },
  admin: {
    group: 'Content',
    defaultColumns: ['name', 'jobTitle', 'credentials', '_status'],
    listSearchableFields: ['name', 'slug', 'jobTitle', 'credentials'],
  },
  defaultSort: 'displayOrder',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'jobTitle', type: 'text', required: true, admin: { description: 'e.g. "Registered massage therapist"' } },
    { name: 'credentials', type: 'text', admin: { description: 'Letters and registrations, e.g. "RMT, BSc Kinesiology"' } },
    {
      name: 'clinicalCredentials',
      type: 'array',
      labels: { singular: 'Clinical credential', plural: 'Clinical credentials' },
      admin: {
        description:
          'Regulated clinical qualifications (e.g. registered physiotherapist, physician). Only a team member with one can be the medical reviewer of health content.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'credential', type: 'text', required: true, admin: { width: '50%', description: 'e.g. "Registered physiotherapist"' } },
            {
              name: 'category',
              type: 'select',
              required: true,
              defaultValue: 'license',
              options: [
                { label: 'Licence or registration', value: 'license' },
                { label: 'Degree', value: 'degree' },
                { label: 'Certificate', value: 'certificate' },
              ],
              admin: { width: '20%' },
            },
            { name: 'recognizedBy', type: 'text', label: 'Awarded or regulated by', admin: { width: '30%' } },
          ],
        },
      ],
    },
    { name: 'bio', type: 'textarea', required: true },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'displayOrder',
      type: 'number',
      defaultValue: 100,
      admin: { position: 'sidebar', description: 'Lower numbers are listed first.' },
    },
  ],
})
