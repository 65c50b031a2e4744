import { revalidateSecretHeader } from '@clinic/cms-types'
import { describe, expect, test } from 'vitest'
import { e2e } from './support/context'
import { get } from './support/site'

/**
 * The site's secret-guarded endpoints, at the HTTP level against the production build: a missing,
 * a wrong and the right credential. (Preview and exit-preview, with their preview grants, are
 * tested in 06-draft-preview.)
 */

const { siteUrl, revalidateSecret } = e2e()

function revalidate(headers: Record<string, string>, body: unknown = { tags: ['collection:articles'] }, query = '') {
  return fetch(`${siteUrl}/api/revalidate${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
}

describe('POST /api/revalidate (purges the site’s cache: the CMS calls it with a shared secret)', () => {
  const wrong: Array<[label: string, headers: Record<string, string>, query?: string]> = [
    ['no secret at all', {}],
    ['an empty secret', { [revalidateSecretHeader]: '' }],
    ['a wrong secret of the same length', { [revalidateSecretHeader]: revalidateSecret.replace(/./g, (c) => (c === 'a' ? 'b' : 'a')) }],
    ['the secret minus its last character', { [revalidateSecretHeader]: revalidateSecret.slice(0, -1) }],
    ['the secret with something appended', { [revalidateSecretHeader]: `${revalidateSecret}x` }],
    ['the secret in the query string instead of the header', {}, `?secret=${revalidateSecret}`],
    ['the secret under another header name', { authorization: `Bearer ${revalidateSecret}` }],
  ]

  test.for(wrong)('is refused with 401 given %s', async ([label, headers, query]) => {
    const response = await revalidate(headers, undefined, query)
    const body = await response.text()
    expect(response.status, `revalidate with ${label} must be refused: the secret check is what stops anyone purging the cache (${body})`).toBe(401)
    expect(body, 'a refused call purges nothing').not.toContain('revalidated')
    expect(response.headers.get('cache-control')).toMatch(/no-store/)
  })

  test('is refused before the body is read: a bad body without the secret is still a 401', async () => {
    const response = await revalidate({}, '{not json')
    expect(response.status, 'the secret is checked first').toBe(401)
  })

  test('accepts the right secret and names the tags it purged', async () => {
    const response = await revalidate({ [revalidateSecretHeader]: revalidateSecret }, { tags: ['collection:articles', 'collection:articles'] })
    expect(response.status, await response.clone().text()).toBe(200)
    const body = (await response.json()) as { revalidated: string[] }
    expect(body.revalidated).toEqual(['collection:articles'])
  })

  test('with the right secret, a malformed body gets a 400 that says what to send', async () => {
    for (const body of ['{not json', { tags: [] }, { tags: 'collection:articles' }, {}]) {
      const response = await revalidate({ [revalidateSecretHeader]: revalidateSecret }, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(await response.text()).toMatch(/JSON|tags/)
    }
  })

  test('only POST: a GET with the secret changes nothing', async () => {
    const response = await get(`${siteUrl}/api/revalidate`, { headers: { [revalidateSecretHeader]: revalidateSecret } })
    expect(response.status).toBe(405)
  })
})
