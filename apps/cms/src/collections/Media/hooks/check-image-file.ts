import sharp from 'sharp'
import { ValidationError, type CollectionBeforeOperationHook } from 'payload'
import { maxUploadBytes } from '@/collections/Media/limits'

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'heif'])
const acceptedText = 'Upload a JPEG, PNG, WebP or AVIF image.'

/**
 * Checks what an upload really is, from its bytes rather than its name or declared type, so an
 * SVG or a renamed document cannot slip in as an image.
 */
export const checkImageFile: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) {
    if (operation === 'create') {
      throw new ValidationError({
        collection: 'media',
        errors: [{ path: 'file', message: `Choose an image file to upload. ${acceptedText}` }],
      })
    }
    return args
  }
  const fail = (message: string): never => {
    throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message }] })
  }
  if (file.size > maxUploadBytes) {
    fail(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; images may be at most ${maxUploadBytes / 1024 / 1024} MB.`)
  }
  if (/\.svgz?$/i.test(file.name) || /svg/i.test(file.mimetype)) {
    fail(`SVG files are not accepted (they can carry scripts). ${acceptedText}`)
  }
  let format: string | undefined
  try {
    format = (await sharp(file.data).metadata()).format
  } catch {
    format = undefined
  }
  if (!format || !acceptedFormats.has(format)) {
    fail(`“${file.name}” is not a JPEG, PNG, WebP or AVIF image. ${acceptedText}`)
  }
  return args
}
