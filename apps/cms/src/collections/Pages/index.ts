import type { CollectionConfig } from 'payload'
import { CallToAction } from '@/blocks/CallToAction/config'
import { Faq } from '@/blocks/Faq/config'
import { Hero } from '@/blocks/Hero/config'
import { RichTextBlock } from '@/blocks/RichText/config'
import { ServicesGrid } from '@/blocks/ServicesGrid/config'
import { Testimonials } from '@/blocks/Testimonials/config'
import { contentCollection } from '@/collections/content-collection'

export const Pages: CollectionConfig = contentCollection({
  slug: 'pages',
  titleField: 'title',
  writers: 'staff',
  labels: { singular: 'Page', plural: 'Pages' },
  admin: {
    group: 'Content',
    description: 'About, Contact and landing pages, built from blocks.',
  },
  defaultSort: 'title',
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 120 },
    {
      name: 'layout',
      type: 'blocks',
      required: true,
      minRows: 1,
      blocks: [Hero, RichTextBlock, CallToAction, ServicesGrid, Faq, Testimonials],
    },
  ],
})
