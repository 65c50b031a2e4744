import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { maxImagePixels, maxUploadBytes } from '@/collections/Media/limits'
import { checkImageFile, cleanBaseName } from './check-image-file'

/** What the upload really is, from its bytes: real images made on the spot, and things that are not. */

const image = (format: 'png' | 'jpeg' | 'webp' | 'avif' | 'gif' | 'tiff') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#7fa99b' } })
    .toFormat(format)
    .toBuffer()

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')

/** A PNG of 8 × 8 pixels whose header claims another size: enough for a check that reads headers only. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await image('png'))
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return (crc ^ 0xffffffff) >>> 0
}

const hashOf = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 8)

async function run(operation: string, file?: { name: string; mimetype: string; data: Buffer; size?: number }) {
  const args = { marker: 'the args' }
  const req = { file: file ? { size: file.data.length, ...file } : undefined }
  try {
    return { result: await checkImageFile({ args, operation, req } as never), args, file: req.file }
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

  it('stores the file as <clean name>-<hash of its bytes>.<its real type>, whatever it was called or declared as', async () => {
    const jpeg = await image('jpeg')
    const outcome = await run('create', { name: 'C:\\Photos\\Back Pain (1).PNG', mimetype: 'image/png', data: jpeg })
    expect(outcome.errors).toBeUndefined()
    expect(outcome.file).toMatchObject({ name: `back-pain-1-${hashOf(jpeg)}.jpg`, mimetype: 'image/jpeg' })
    for (const format of ['png', 'webp', 'avif'] as const) {
      const data = await image(format)
      const stored = (await run('update', { name: 'x.bin', mimetype: 'application/octet-stream', data })).file
      expect(stored, format).toMatchObject({ name: `x-${hashOf(data)}.${format}`, mimetype: `image/${format}` })
    }
  })

  it('a file that already carries its hash (an export imported again) keeps its name', async () => {
    const data = await image('png')
    const hash = hashOf(data)
    expect((await run('create', { name: `hero-${hash}.png`, mimetype: 'image/png', data })).file?.name).toBe(`hero-${hash}.png`)
    expect((await run('create', { name: `hero-${hash}x.png`, mimetype: 'image/png', data })).file?.name).toBe(`hero-${hash}x-${hash}.png`)
  })

  it(`refuses an image of more than ${maxImagePixels / 1_000_000} megapixels from its header`, async () => {
    expect(maxImagePixels).toBe(40_000_000)
    const huge = await run('create', { name: 'huge.png', mimetype: 'image/png', data: await pngClaiming(10_000, 4_001) })
    expect(huge.errors).toEqual([
      {
        path: 'file',
        message:
          'This image is 10000 × 4001 pixels; images may have at most 40 megapixels. Resize it (a 2,400-pixel-wide photo is plenty for the site) and upload it again.',
      },
    ])
    const edge = await run('create', { name: 'edge.png', mimetype: 'image/png', data: await pngClaiming(10_000, 4_000) })
    expect(edge.errors).toBeUndefined()
  })
})

describe('cleanBaseName', () => {
  it.each([
    ['photo.jpg', 'photo'],
    ['Back Pain (1).PNG', 'back-pain-1'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\x.png', 'x'],
    ['gpj\u202Eexe.jpg', 'gpjexe'],
    ['a\u0000b\u200fc\ufeff.png', 'abc'],
    ['--Café--Übung--.webp', 'café-übung'],
    ['archive.tar.gz', 'archive-tar'],
    ['.png', 'image'],
    ['???.png', 'image'],
    ['', 'image'],
    ['e\u0301.png', 'é'],
  ])('%j becomes %j', (name, clean) => {
    expect(cleanBaseName(name)).toBe(clean)
  })

  it('keeps at most 60 characters', () => {
    expect(cleanBaseName(`${'a'.repeat(70)}.png`)).toBe('a'.repeat(60))
  })
})
