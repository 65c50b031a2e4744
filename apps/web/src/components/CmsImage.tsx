import { getImageProps } from 'next/image'
import { preload } from 'react-dom'
import { env } from '@/env'
import { asMedia, imageSource, trimSrcSet, type MediaRef, type MediaSize } from '@/lib/media'

type Props = {
  media: MediaRef
  size: MediaSize
  /** The `sizes` attribute: how wide the image is drawn, so the browser picks a fitting file. */
  sizes: string
  /** The page's main (LCP) image: loaded eagerly, at high priority, and preloaded from <head>. */
  priority?: boolean
  className?: string
}

/**
 * An image from the CMS, with the alt text the CMS requires, resized by Next's image optimiser.
 *
 * A plain <img> built with `getImageProps` rather than the <Image> component: <Image> is a client
 * component (its code ships to every page that shows an image), and nothing here needs what it adds
 * in the browser (blur placeholders, onLoad). The markup (srcset, sizes, width/height, lazy loading)
 * is the same.
 */
export function CmsImage({ media, size, sizes, priority = false, className }: Props) {
  const source = imageSource(asMedia(media), size, env.cmsUrl)
  if (!source) return null
  const { props } = getImageProps({
    src: source.src,
    alt: source.alt,
    width: source.width,
    height: source.height,
    sizes,
    className,
    ...(priority ? { loading: 'eager', fetchPriority: 'high' } : {}),
  })
  const srcSet = props.srcSet ? trimSrcSet(props.srcSet, source.width) : undefined
  if (priority) {
    // What <Image preload> does: a <link rel=preload> in <head>, so the file starts with the HTML.
    preload(props.src, { as: 'image', imageSrcSet: srcSet, imageSizes: props.sizes, fetchPriority: 'high' })
  }
  return <img {...props} srcSet={srcSet} alt={source.alt} />
}
