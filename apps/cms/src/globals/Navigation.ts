import type { Field, GlobalConfig } from 'payload'
import { isMarketerOrAdmin } from '@/access'
import { revalidateSiteAfterGlobalChange } from '@/hooks/revalidate-site'
import { linkField } from '@/fields/url'

const linkList = (name: string, maxRows: number): Field => ({
  name,
  type: 'array',
  maxRows,
  labels: { singular: 'Link', plural: 'Links' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'label', type: 'text', required: true },
        linkField('url', { required: true }),
      ],
    },
  ],
})

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  admin: { group: 'Settings' },
  access: { read: () => true, update: isMarketerOrAdmin },
  hooks: { afterChange: [revalidateSiteAfterGlobalChange] },
  fields: [linkList('header', 8), linkList('footer', 16)],
}
