import type { ImageSpec } from '../images'

/**
 * Every demo image: drawn locally (see ../images.ts), then uploaded to `media`. The alt text says
 * honestly what is in the picture: abstract shapes, never people or treatments. The seed finds an
 * existing image by its alt text, so each alt text here is unique.
 */
export type MediaSeed = {
  alt: string
  filename: string
  caption?: string
  spec: ImageSpec
}

export const mediaSeeds = {
  sharing: {
    alt: 'Abstract soft green hills under a pale sage gradient',
    filename: 'willowbank-sharing.jpg',
    spec: { palette: 'sage', motif: 'hills', variant: 1 },
  },
  articleSciatica: {
    alt: 'Abstract gentle blue waves flowing across a misty gradient',
    filename: 'article-sciatica-and-massage.jpg',
    spec: { palette: 'mist', motif: 'waves', variant: 2 },
  },
  articleDesk: {
    alt: 'Abstract overlapping sand-coloured circles on a warm beige gradient',
    filename: 'article-desk-day-habits.jpg',
    spec: { palette: 'sand', motif: 'circles', variant: 3 },
  },
  articleFirstVisit: {
    alt: 'Abstract lavender half-ring and a small circle on a pale violet gradient',
    filename: 'article-first-massage.jpg',
    spec: { palette: 'lavender', motif: 'arc', variant: 4 },
  },
  serviceDeepTissue: {
    alt: 'Abstract layered terracotta hills on a soft clay-coloured gradient',
    filename: 'service-deep-tissue.jpg',
    spec: { palette: 'clay', motif: 'hills', variant: 5 },
  },
  serviceSwedish: {
    alt: 'Abstract flowing sage-green waves on a light green gradient',
    filename: 'service-swedish.jpg',
    spec: { palette: 'sage', motif: 'waves', variant: 6 },
  },
  serviceNeuromuscular: {
    alt: 'Abstract scattered blue-grey circles on a pale misty gradient',
    filename: 'service-neuromuscular.jpg',
    spec: { palette: 'mist', motif: 'circles', variant: 7 },
  },
  serviceMyofascial: {
    alt: 'Abstract soft lavender circles overlapping on a pale violet gradient',
    filename: 'service-myofascial-release.jpg',
    spec: { palette: 'lavender', motif: 'circles', variant: 8 },
  },
  serviceHotStone: {
    alt: 'Abstract drawing of smooth grey oval shapes stacked like stones on a warm neutral background',
    filename: 'service-hot-stone.jpg',
    spec: { palette: 'stone', motif: 'stones', variant: 9 },
  },
  exerciseFloss: {
    alt: 'Abstract long blue lines curving gently across a misty gradient',
    filename: 'exercise-nerve-floss.jpg',
    spec: { palette: 'mist', motif: 'waves', variant: 10 },
  },
  exerciseStretch: {
    alt: 'Abstract sand-coloured half-ring and a small circle on a warm beige gradient',
    filename: 'exercise-stretch.jpg',
    spec: { palette: 'sand', motif: 'arc', variant: 11 },
  },
  exerciseGlute: {
    alt: 'Abstract rolling green hills on a pale sage gradient',
    filename: 'exercise-glute-stretch.jpg',
    spec: { palette: 'sage', motif: 'hills', variant: 12 },
  },
  teamAuthor: {
    alt: 'Abstract portrait placeholder: a faceless sage-green circle and shoulder shape on a light green background',
    filename: 'team-portrait-sage.jpg',
    spec: { palette: 'sage', motif: 'portrait', variant: 13, width: 1200, height: 1200 },
  },
  teamReviewer: {
    alt: 'Abstract portrait placeholder: a faceless terracotta circle and shoulder shape on a warm clay background',
    filename: 'team-portrait-clay.jpg',
    spec: { palette: 'clay', motif: 'portrait', variant: 14, width: 1200, height: 1200 },
  },
  pageAbout: {
    alt: 'Abstract soft sand-coloured hills under a warm beige sky',
    filename: 'page-about.jpg',
    spec: { palette: 'sand', motif: 'hills', variant: 15 },
  },
  pageContact: {
    alt: 'Abstract pale blue half-ring and a small circle on a misty gradient',
    filename: 'page-contact.jpg',
    spec: { palette: 'mist', motif: 'arc', variant: 16 },
  },
} satisfies Record<string, MediaSeed>

export type MediaKey = keyof typeof mediaSeeds
