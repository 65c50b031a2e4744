import type { Media } from '@clinic/cms-types'

export type MediaSize = 'card' | 'hero' | 'og'

/** An upload field's value: the media document when populated, else its id. */
export type MediaRef = Media | number | string | null | undefined

/** The media document of an upload field, if it was populated. */
export function asMedia(value: MediaRef): Media | undefined {
  return typeof value === 'object' && value !== null ? value : undefined
}

export type ImageSource = { src: string; width: number; height: number; alt: string }

/** Turns a CMS media URL (often site-relative to the CMS, like /api/media/file/x.jpg) into an absolute one. */
export function absoluteMediaUrl(url: string, cmsUrl: string): string {
  return /^https?:\/\//.test(url) ? url : `${cmsUrl}${url.startsWith('/') ? '' : '/'}${url}`
}

/** The URL and dimensions of one generated size of an image, falling back to the original. */
export function imageSource(media: Media | undefined, size: MediaSize, cmsUrl: string): ImageSource | undefined {
  if (!media) return undefined
  const sized = media.sizes?.[size]
  if (sized?.url && sized.width && sized.height) {
    return { src: absoluteMediaUrl(sized.url, cmsUrl), width: sized.width, height: sized.height, alt: media.alt }
  }
  if (media.url && media.width && media.height) {
    return { src: absoluteMediaUrl(media.url, cmsUrl), width: media.width, height: media.height, alt: media.alt }
  }
  return undefined
}

/**
 * Drops the srcset candidates wider than the file itself, but for the narrowest of them: the
 * optimiser never enlarges, so they would all be the same file under different URLs, and each
 * candidate costs its URL twice in the HTML (the markup and React's copy of it).
 */
export function trimSrcSet(srcSet: string, intrinsicWidth: number): string {
  const candidates = srcSet.split(', ').map((candidate) => ({ candidate, width: Number(/ (\d+)w$/.exec(candidate)?.[1]) }))
  if (candidates.some((c) => !Number.isFinite(c.width))) return srcSet
  const firstWide = candidates.find((c) => c.width >= intrinsicWidth)
  return candidates
    .filter((c) => c.width < intrinsicWidth || c === firstWide)
    .map((c) => c.candidate)
    .join(', ')
}
