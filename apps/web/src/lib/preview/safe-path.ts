const base = 'http://site.invalid'

/**
 * Turns a redirect target from a request into a path on this site, or `/` when it is anything else.
 *
 * Normalised first (dot segments, percent-decoding of the path), then checked: a browser resolves
 * `//host`, `/\host` and `/.//host` (once normalised) to another site, so none of them may come
 * out, in any encoding. Slugs never contain slashes, backslashes or control characters, so a path
 * that needs them is refused rather than repaired.
 */
export function safeSitePath(target: string | null | undefined): string {
  if (!target || target.length > 2048 || !target.startsWith('/')) return '/'
  let decoded: string
  try {
    // Twice: `%252f` is `%2f` once decoded, and a server or proxy on the way may decode again.
    decoded = decodeURIComponent(decodeURIComponent(target))
  } catch {
    return '/'
  }
  // Backslashes (browsers read them as slashes), control characters and whitespace a browser strips.
  if (/[\\\u0000-\u001f\u007f\s]/.test(decoded)) return '/'
  let url: URL
  try {
    url = new URL(target, base)
    // The decoded form must normalise to a plain path too (`/.%2F%2Fx` is `/.//x`, that is `//x`).
    const decodedUrl = new URL(decoded, base)
    if (decodedUrl.origin !== base || decodedUrl.pathname.includes('//')) return '/'
  } catch {
    return '/'
  }
  // After normalisation (`/.//x` → `//x`, `/a/..//x` → `//x`), the result must still be a path.
  if (url.origin !== base || url.pathname.includes('//')) return '/'
  return `${url.pathname}${url.search}`
}
