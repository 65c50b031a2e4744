import type { Field } from 'payload'

/** When the document was first published; set automatically, editable to back-date. */
export const publishedAtField: Field = {
  name: 'publishedAt',
  type: 'date',
  // Every list of the site and the admin's article list sort by it.
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description: 'Set automatically the first time this is published.',
  },
  hooks: {
    beforeChange: [
      ({ siblingData, value }) => {
        if (!value && siblingData?._status === 'published') return new Date().toISOString()
        return value
      },
    ],
  },
}
