import type { Block } from 'payload'

export const ServiceEmbed: Block = {
  slug: 'serviceEmbed',
  interfaceName: 'ServiceEmbedBlock',
  labels: { singular: 'Service', plural: 'Services' },
  fields: [
    { name: 'service', type: 'relationship', relationTo: 'services', required: true },
    { name: 'note', type: 'textarea', admin: { description: 'Optional words on why this service helps here.' } },
  ],
}
