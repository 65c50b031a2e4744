/** Accepts only a path on this site ("/articles/x"), never another host, so preview cannot redirect elsewhere. */
export function safePreviewPath(path: string | null | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/'
  try {
    const url = new URL(path, 'http://site.invalid')
    if (url.origin !== 'http://site.invalid') return '/'
    return `${url.pathname}${url.search}`
  } catch {
    return '/'
  }
}
