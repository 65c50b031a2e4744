import type { Block } from 'payload'
import { linkField } from '@/fields/url'

export const CallToAction: Block = {
  slug: 'callToAction',
  interfaceName: 'CallToActionBlock',
  labels: { singular: 'Call to action', plural: 'Calls to action' },
  fields: [
    { name: 'heading', type: 'text', required: true },
    { name: 'text', type: 'textarea' },
    { name: 'buttonLabel', type: 'text', required: true, defaultValue: 'Book an appointment' },
    linkField('buttonUrl', { required: true, defaultValue: '/book' }),
  ],
}
