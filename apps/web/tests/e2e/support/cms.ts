/** Small REST helpers for the CMS: what a script or the admin UI would send. */

type Json = Record<string, unknown>

export async function cmsJson<T = Json>(
  cmsUrl: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (init.token) headers.authorization = `JWT ${init.token}`
  const response = await fetch(`${cmsUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}: ${text.slice(0, 500)}`)
  return JSON.parse(text) as T
}

export async function login(cmsUrl: string, email: string, password: string): Promise<string> {
  const body = await cmsJson<{ token?: string }>(cmsUrl, '/api/users/login', { method: 'POST', body: { email, password } })
  if (!body.token) throw new Error(`Logging in as ${email} returned no token`)
  return body.token
}

export interface PublishedDoc {
  id: number | string
  slug: string
  title?: string
  name?: string
}

/** Every published document of a collection, as an anonymous visitor (the site) reads them. */
export async function publishedDocs(cmsUrl: string, collection: string): Promise<PublishedDoc[]> {
  const body = await cmsJson<{ docs: PublishedDoc[] }>(cmsUrl, `/api/${collection}?limit=100&depth=0&sort=slug`)
  return body.docs
}

export async function docBySlug(cmsUrl: string, collection: string, slug: string, token?: string): Promise<PublishedDoc & Json> {
  const query = new URLSearchParams({ 'where[slug][equals]': slug, depth: '0', limit: '1' })
  const body = await cmsJson<{ docs: (PublishedDoc & Json)[] }>(cmsUrl, `/api/${collection}?${query}`, { token })
  const doc = body.docs[0]
  if (!doc) throw new Error(`No ${collection} document with slug "${slug}" in the CMS`)
  return doc
}
