import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { ValidationError, type CollectionBeforeOperationHook } from 'payload'
import { maxImagePixels, maxUploadBytes } from '@/collections/Media/limits'

const acceptedText = 'Upload a JPEG, PNG, WebP or AVIF image.'

/** The extension and type a file is stored under, from what its bytes are. */
const storedAs: Record<string, { ext: string; mimetype: string }> = {
  jpeg: { ext: 'jpg', mimetype: 'image/jpeg' },
  png: { ext: 'png', mimetype: 'image/png' },
  webp: { ext: 'webp', mimetype: 'image/webp' },
  avif: { ext: 'avif', mimetype: 'image/avif' },
}

/**
 * A file name that is safe to store and show: no control or bidirectional-override characters
 * (which can make `gpj.exe` read as `exe.jpg`), no path parts, letters, digits, dots and hyphens only.
 */
export function cleanBaseName(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase()
  return base || 'image'
}

function formatOf(metadata: sharp.Metadata): string | undefined {
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? 'avif' : undefined
  return metadata.format
}

/**
 * Checks what an upload really is, from its bytes rather than its name or declared type, so an
 * SVG or a renamed document cannot slip in as an image; refuses images too large to decode; and
 * names the stored file after its cleaned name, a short hash of its bytes and the extension of its
 * real type. The hash makes every document's base name its own, so the sizes Payload generates
 * from it (`<base>-640x400.webp`) can never be another document's, and deleting one document
 * never deletes another's files.
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
  const shownName = cleanBaseName(file.name)
  if (file.size > maxUploadBytes) {
    fail(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; images may be at most ${maxUploadBytes / 1024 / 1024} MB.`)
  }
  if (/\.svgz?$/i.test(file.name) || /svg/i.test(file.mimetype)) {
    fail(`SVG files are not accepted (they can carry scripts). ${acceptedText}`)
  }
  let metadata: sharp.Metadata | undefined
  try {
    // Reads the header only: no pixels are decoded here.
    metadata = await sharp(file.data).metadata()
  } catch {
    metadata = undefined
  }
  const format = metadata ? formatOf(metadata) : undefined
  const target = format ? storedAs[format] : undefined
  if (!metadata || !target) return fail(`“${shownName}” is not a JPEG, PNG, WebP or AVIF image. ${acceptedText}`)
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0)
  if (!metadata.width || !metadata.height || pixels > maxImagePixels) {
    fail(
      `This image is ${metadata.width ?? '?'} × ${metadata.height ?? '?'} pixels; images may have at most ${maxImagePixels / 1_000_000} megapixels. ` +
        'Resize it (a 2,400-pixel-wide photo is plenty for the site) and upload it again.',
    )
  }
  const hash = createHash('sha256').update(file.data).digest('hex').slice(0, 8)
  // A file that already carries its hash (an export imported again) keeps its name.
  file.name = shownName.endsWith(`-${hash}`) ? `${shownName}.${target.ext}` : `${shownName}-${hash}.${target.ext}`
  file.mimetype = target.mimetype
  return args
}
