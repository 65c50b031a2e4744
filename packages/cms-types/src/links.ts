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
  if (!value.startsWith('/')) return 'Start a path on this site with "/", for example /book.'
  const base = 'https://site.invalid'
  let resolved: URL
  try {
    resolved = new URL(value, `${base}/some/page`)
  } catch {
    return 'This is not a valid path. Use a path such as /book.'
  }
  if (resolved.origin !== base) return 'This path would take visitors to another website. Use a single "/" at the start, for example /book.'
  return undefined
}

/** True for a path that stays on the site (see sitePathProblem). */
export const isSitePath = (value: string): boolean => sitePathProblem(value) === undefined
