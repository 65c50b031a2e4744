/**
 * The CMS stores slugs as lower-case ASCII letters, digits and single hyphens, at most 96 characters
 * (apps/cms/src/fields/slug.ts). Anything else names no document.
 */
export const maxSlugLength = 96

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function isPossibleSlug(slug: string): boolean {
  return slug.length <= maxSlugLength && slugPattern.test(slug)
}
