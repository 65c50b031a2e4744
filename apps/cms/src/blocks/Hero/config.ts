import type { Block } from 'payload'
import { linkField } from '@/fields/url'

export const Hero: Block = {
  slug: 'hero',
  interfaceName: 'HeroBlock',
  fields: [
    { name: 'heading', type: 'text', required: true },
    { name: 'subheading', type: 'textarea' },
    { name: 'image', type: 'upload', relationTo: 'media' },
    { name: 'ctaLabel', type: 'text', label: 'Button label' },
    linkField('ctaUrl', { label: 'Button link' }),
  ],
}
