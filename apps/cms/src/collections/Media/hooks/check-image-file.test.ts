import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { maxUploadBytes } from '@/collections/Media/limits'
import { checkImageFile } from './check-image-file'

/** What the upload really is, from its bytes: real images made on the spot, and things that are not. */

const image = (format: 'png' | 'jpeg' | 'webp' | 'avif' | 'gif' | 'tiff') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#7fa99b' } })
    .toFormat(format)
    .toBuffer()

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')

async function run(operation: string, file?: { name: string; mimetype: string; data: Buffer; size?: number }) {
  const args = { marker: 'the args' }
  const req = { file: file ? { size: file.data.length, ...file } : undefined }
  try {
    return { result: await checkImageFile({ args, operation, req } as never), args }
  } catch (error) {
    const { errors } = (error as { data: { errors: Array<{ path: string; message: string }> } }).data
    return { errors, name: (error as Error).name, args }
  }
}

describe('checkImageFile', () => {
  it.each(['png', 'jpeg', 'webp', 'avif'] as const)('accepts a real %s image, on create and on update', async (format) => {
    for (const operation of ['create', 'update']) {
      const outcome = await run(operation, { name: `photo.${format}`, mimetype: `image/${format}`, data: await image(format) })
      expect(outcome.errors, `${format} on ${operation}`).toBeUndefined()
      expect(outcome.result).toBe(outcome.args)
    }
  })

  it.each(['gif', 'tiff'] as const)('refuses a %s image with a message saying what to upload', async (format) => {
    const outcome = await run('create', { name: `photo.${format}`, mimetype: `image/${format}`, data: await image(format) })
    expect(outcome.name).toBe('ValidationError')
    // The message names the file by its cleaned name (no extension, no control or bidi characters).
    expect(outcome.errors).toEqual([{ path: 'file', message: '“photo” is not a JPEG, PNG, WebP or AVIF image. Upload a JPEG, PNG, WebP or AVIF image.' }])
  })

  it('refuses an SVG by its name or its declared type, even one that claims to be a PNG', async () => {
    const message = 'SVG files are not accepted (they can carry scripts). Upload a JPEG, PNG, WebP or AVIF image.'
    for (const [name, mimetype] of [['logo.svg', 'image/png'], ['logo.SVGZ', 'image/png'], ['logo.png', 'image/svg+xml']]) {
      expect((await run('create', { name: name!, mimetype: mimetype!, data: svg })).errors, `${name} as ${mimetype}`).toEqual([{ path: 'file', message }])
    }
    // Named and typed as a PNG: the bytes give it away.
    expect((await run('create', { name: 'logo.png', mimetype: 'image/png', data: svg })).errors?.[0]?.message).toBe(
      '“logo” is not a JPEG, PNG, WebP or AVIF image. Upload a JPEG, PNG, WebP or AVIF image.',
    )
  })

  it('refuses a document that is not an image', async () => {
    const outcome = await run('create', { name: 'Notes\u202Efdp.pdf', mimetype: 'application/pdf', data: Buffer.from('%PDF-1.4 not an image') })
    expect(outcome.errors).toEqual([{ path: 'file', message: '“notesfdp” is not a JPEG, PNG, WebP or AVIF image. Upload a JPEG, PNG, WebP or AVIF image.' }])
  })

  it('refuses a file over the size limit, saying how big it is', async () => {
    const data = await image('png')
    const outcome = await run('create', { name: 'huge.png', mimetype: 'image/png', data, size: maxUploadBytes + 1 })
    expect(outcome.errors).toEqual([{ path: 'file', message: 'This file is 10.0 MB; images may be at most 10 MB.' }])
    expect((await run('create', { name: 'edge.png', mimetype: 'image/png', data, size: maxUploadBytes })).errors).toBeUndefined()
  })

  it('a new image needs a file; an update may leave the file as it is', async () => {
    expect((await run('create')).errors).toEqual([{ path: 'file', message: 'Choose an image file to upload. Upload a JPEG, PNG, WebP or AVIF image.' }])
    const update = await run('update')
    expect(update.errors).toBeUndefined()
    expect(update.result).toBe(update.args)
  })

  it('other operations pass through untouched, even with a bad file', async () => {
    for (const operation of ['read', 'delete', 'count']) {
      const outcome = await run(operation, { name: 'logo.svg', mimetype: 'image/svg+xml', data: svg })
      expect(outcome.result, operation).toBe(outcome.args)
    }
  })
})
