/** Where a document of a collection lives on the site. */
export function pathFor(collection: string, slug: string | null | undefined): string | undefined {
  if (!slug) return undefined
  switch (collection) {
    case 'articles':
      return `/articles/${slug}`
    case 'services':
      return `/services/${slug}`
    case 'exercises':
      return `/exercises/${slug}`
    case 'conditions':
      return `/conditions/${slug}`
    case 'pages':
      return `/${slug}`
    case 'team':
      return `/team#${slug}`
    default:
      return undefined
  }
}

/** True for links that leave the site (other hosts, mail, phone). */
export function isExternal(href: string): boolean {
  return /^(https?:)?\/\//.test(href) || /^(mailto|tel):/.test(href)
}
