/**
 * Whether a link staff typed as a path stays on the site, judged the way a browser resolves it
 * (the WHATWG URL parser: `new URL(value, base)` in Node.js behaves as browsers do). Browsers treat
 * `\` as `/` in web addresses and drop tabs and line breaks, so `/\evil.example`, `/\t/evil.example`
 * and `//evil.example` all leave the site. Returns a message a person can act on, or undefined.
 */
export function sitePathProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return 'A link cannot contain spaces, tabs or line breaks.'
  const pathPart = value.replace(/[?#].*$/s, '')
  if (pathPart.includes('\\')) return 'Use "/" in a path, not "\\" (browsers read "\\" as "/", which can send visitors to another website).'
  // An encoded "\", "/" or control character in the path: a server or proxy that decodes it before
  // redirecting (a trailing-slash redirect, a rewrite) hands the browser `/\evil.example` after all.
  if (/%(5c|2f|[01][0-9a-f]|7f)/i.test(pathPart)) return 'A path cannot contain an encoded "\\", "/" or control character (%5C, %2F, %09 …). Type the path itself, for example /book.'
  if (!value.startsWith('/')) return 'Start a path on this site with "/", for example /book.'
  const base = 'https://site.invalid'
  let resolved: URL
  try {
    resolved = new URL(value, `${base}/some/page`)
  } catch {
    return 'This is not a valid path. Use a path such as /book.'
  }
  if (resolved.origin !== base) return 'This path would take visitors to another website. Use a single "/" at the start, for example /book.'
  // `/..//evil.example` stays here in the browser, but a server that redirects to the cleaned path
  // would send `Location: //evil.example`, which is another website.
  if (resolved.pathname.startsWith('//')) return 'This path would take visitors to another website. Use a single "/" at the start, for example /book.'
  return undefined
}

/** True for a path that stays on the site (see sitePathProblem). */
export const isSitePath = (value: string): boolean => sitePathProblem(value) === undefined

/**
 * Whether a link staff typed is one the site will put on a page: a site path (see sitePathProblem),
 * a fragment on the same page (#prices), or a full http(s), mailto or tel address. Used by the CMS
 * at save (CTA, button, navigation and source links, and the links in rich text) and by the site's
 * rich-text renderer, so what the CMS accepts and what the site shows cannot drift apart.
 * Returns a message a person can act on, or undefined.
 */
export function linkProblem(value: string): string | undefined {
  if (value.startsWith('/') || value.startsWith('\\')) return sitePathProblem(value)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return 'A link cannot contain spaces, tabs or line breaks.'
  if (value.startsWith('#')) return value.includes('\\') ? 'Use a plain name after "#", for example #prices.' : undefined
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url && ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol)) {
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !/^https?:\/\//i.test(value)) return 'Write a full address as https://example.com/page.'
    return undefined
  }
  return 'Enter a path starting with "/" or a full address starting with https://.'
}

/** True for a link the site shows (see linkProblem). */
export const isAllowedLink = (value: string): boolean => linkProblem(value) === undefined
