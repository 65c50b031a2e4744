// What the site's image optimiser (`/_next/image`) accepts: exactly the requests the site's own
// pages make (src/components/CmsImage.tsx). Plain JavaScript: next.config.mjs imports the sizes and
// qualities, and src/proxy.ts refuses everything else before Next.js fetches or resizes anything.

/** Widths of responsive images (`images.deviceSizes`, `images.imageSizes`). */
export const deviceSizes = [320, 480, 640, 828, 1080, 1280, 1600]
export const imageSizes = [96, 160, 256, 384]
/** The one quality the site asks for (Next.js's default, `images.qualities`). */
export const qualities = [75]
/** Where the CMS serves its media files (one file name, no further path). */
export const mediaFilePath = '/api/media/file/'

const widths = new Set([...deviceSizes, ...imageSizes].map(String))
const allowedQualities = new Set(qualities.map(String))
const parameters = new Set(['url', 'w', 'q'])

/**
 * Why a `/_next/image` request is not one the site makes, as a sentence a person can act on, or
 * undefined when it is: `url` an absolute address of a media file on the CMS (`cmsOrigin`), with no
 * query string or fragment; `w` one of the widths above; `q` one of the qualities; nothing else, and
 * each once.
 *
 * @param {URLSearchParams} params the request's query string
 * @param {string} cmsOrigin the CMS's origin (`http://cms.example:3001`)
 * @returns {string | undefined}
 */
export function imageRequestProblem(params, cmsOrigin) {
  const names = [...params.keys()]
  const unknown = names.find((name) => !parameters.has(name))
  if (unknown !== undefined) return `This image address is not valid: it has a parameter the site does not use ("${unknown.slice(0, 20)}"). Use the image's address from the page.`
  for (const name of parameters) {
    const count = params.getAll(name).length
    if (count === 0) return `This image address is not valid: it has no "${name}" parameter. Use the image's address from the page.`
    if (count > 1) return `This image address is not valid: it gives "${name}" more than once. Use the image's address from the page.`
  }
  const w = params.get('w') ?? ''
  if (!widths.has(w)) return `This image address is not valid: the width must be one of ${[...widths].sort((a, b) => Number(a) - Number(b)).join(', ')}.`
  const q = params.get('q') ?? ''
  if (!allowedQualities.has(q)) return `This image address is not valid: the quality must be ${qualities.join(' or ')}.`
  const url = params.get('url') ?? ''
  if (!isMediaFile(url, cmsOrigin)) return 'This image address is not valid: the site shows only the CMS’s media files, by their own address, without a query string.'
  return undefined
}

/**
 * @param {string} url
 * @param {string} cmsOrigin
 */
function isMediaFile(url, cmsOrigin) {
  const prefix = `${cmsOrigin}${mediaFilePath}`
  if (!url.startsWith(prefix)) return false
  const name = url.slice(prefix.length)
  // A file name of at most 255 bytes, percent-encoded (3 characters a byte at most).
  if (name.length > 765) return false
  // One path segment, a file name: no further path, query string, fragment, backslash, control
  // character or space, written or percent-encoded (the CMS's file names have none).
  if (!/^[^/?#\\\s\u0000-\u001f\u007f]+$/.test(name) || /%(2f|5c|[01][0-9a-f]|7f)/i.test(name)) return false
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // The address as the URL parser reads it is the address as written (no dot segments or encodings
  // it would resolve to another path).
  return parsed.href === url && parsed.origin === cmsOrigin
}
