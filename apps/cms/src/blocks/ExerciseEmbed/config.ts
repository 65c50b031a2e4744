import type { Block } from 'payload'

export const ExerciseEmbed: Block = {
  slug: 'exerciseEmbed',
  interfaceName: 'ExerciseEmbedBlock',
  labels: { singular: 'Exercise', plural: 'Exercises' },
  fields: [
    { name: 'exercise', type: 'relationship', relationTo: 'exercises', required: true },
    { name: 'note', type: 'textarea', admin: { description: 'Optional words on why this exercise helps here.' } },
  ],
}
