/**
 * What a redirect's addresses may look like. Pure functions: the collection's hooks and the
 * unit tests use them alike.
 */

export type Normalised = { path: string } | { error: string }

const reservedPrefixes = ['/api/', '/_next/', '/admin/']

/**
 * A path on this site, as a redirect's "from" must be: `/old-page`, or a full address on the
 * site's own origin (reduced to its path). Query strings and fragments are dropped (redirects
 * match the path only), repeated and trailing slashes removed.
 */
export function normaliseFromPath(input: unknown, siteOrigin: string): Normalised {
  if (typeof input !== 'string' || input.trim() === '') return { error: 'Enter the old address, for example /old-page.' }
  let value = input.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return { error: `“${value}” is not an address. Enter a path on this site, for example /old-page.` }
    }
    if (url.origin !== siteOrigin) {
      return {
        error: `Redirects can only start from this site's own addresses (${siteOrigin}). Enter a path such as /old-page.`,
      }
    }
    value = url.pathname
  }
  return normaliseSitePath(value)
}

/** A path on the site: starts with one slash, no query, no fragment, no trailing slash. */
export function normaliseSitePath(value: string): Normalised {
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return { error: `Start the path with a single slash, for example /old-page (got “${value}”).` }
  }
  const withoutQuery = value.replace(/[?#].*$/, '')
  let pathname: string
  try {
    pathname = new URL(withoutQuery.replace(/\/{2,}/g, '/'), 'http://path.invalid').pathname
  } catch {
    return { error: `“${value}” is not a valid path.` }
  }
  pathname = pathname.replace(/\/+$/, '') || '/'
  if (pathname === '/') return { error: 'The home page cannot be redirected. Enter the path of the old page, for example /old-page.' }
  if (pathname.length > 300) return { error: 'The path is too long (300 characters at most).' }
  if (reservedPrefixes.some((prefix) => `${pathname}/`.startsWith(prefix))) {
    return { error: `${pathname} belongs to the site's machinery, not to a page, and cannot be redirected.` }
  }
  return { path: pathname }
}

/**
 * Where a "custom URL" target sends visitors: a path on this site (normalised), a same-site full
 * address (reduced to its path), or a full http(s) address elsewhere, kept as typed.
 */
export function normaliseTargetUrl(input: unknown, siteOrigin: string): { url: string; external: boolean } | { error: string } {
  if (typeof input !== 'string' || input.trim() === '') return { error: 'Enter where visitors should go, for example /services or https://example.org/page.' }
  const value = input.trim()
  if (value.startsWith('/')) {
    const result = normaliseSitePath(value)
    return 'error' in result ? result : { url: result.path, external: false }
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { error: `“${value}” is not an address. Enter a path on this site (/services) or a full address (https://example.org/page).` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: 'Only web addresses (https:// or http://) can be redirect targets.' }
  }
  if (url.origin === siteOrigin) {
    const result = normaliseSitePath(url.pathname)
    return 'error' in result ? result : { url: result.path, external: false }
  }
  return { url: url.toString(), external: true }
}
