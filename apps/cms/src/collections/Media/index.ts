import type { CollectionConfig } from 'payload'
import { isStaff } from '@/access'
import { env } from '@/env'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '@/hooks/revalidate-site'
import { checkImageFile } from './hooks/check-image-file'
import { removeFilesOfFailedWrites } from './hooks/remove-files-of-failed-writes'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Image', plural: 'Media' },
  admin: {
    group: 'Content',
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'width', 'height', 'updatedAt'],
    listSearchableFields: ['alt', 'filename', 'caption'],
  },
  access: {
    read: () => true,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  hooks: {
    beforeOperation: [checkImageFile, removeFilesOfFailedWrites],
    afterChange: [revalidateSiteAfterChange],
    afterDelete: [revalidateSiteAfterDelete],
  },
  upload: {
    staticDir: env.mediaDir,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'],
    focalPoint: true,
    imageSizes: [
      { name: 'card', width: 640, height: 400, position: 'centre', formatOptions: { format: 'webp', options: { quality: 78 } } },
      { name: 'hero', width: 1600, height: 900, position: 'centre', formatOptions: { format: 'webp', options: { quality: 78 } } },
      { name: 'og', width: 1200, height: 630, position: 'centre', formatOptions: { format: 'jpeg', options: { quality: 82 } } },
    ],
    adminThumbnail: 'card',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: 'Alt text',
      admin: { description: 'Describe the image for someone who cannot see it.' },
      validate: (value: unknown) =>
        typeof value === 'string' && value.trim().length >= 3
          ? true
          : 'Add alt text that describes the image (at least a few words).',
    },
    { name: 'caption', type: 'text' },
  ],
}
