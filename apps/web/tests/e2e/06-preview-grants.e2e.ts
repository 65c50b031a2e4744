import { revalidateSecretHeader } from '@clinic/cms-types'
import { previewReaderCredential, previewReaderHeader, signPreviewToken, type PreviewClaims } from '@clinic/cms-types/preview-grant'
import { randomBytes, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { cmsJson, login, publishedDocs } from './support/cms'
import { e2e } from './support/context'
import { get, h1Of } from './support/site'

/**
 * Preview grants and the secret-guarded endpoints around them, over HTTP against the production
 * builds: the CMS's grant endpoint, the site's /api/preview and /api/exit-preview, the draft-reader
 * credential, and /api/revalidate. Two services get drafts here (no other spec edits services).
 */
const { cmsUrl, siteUrl, editor, previewSecret, revalidateSecret } = e2e()

const services = await publishedDocs(cmsUrl, 'services')
if (services.length < 2) throw new Error('The seed needs at least two services')
const [serviceA, serviceB] = [services[0]!, services[1]!]
const pathA = `/services/${serviceA.slug}`
const pathB = `/services/${serviceB.slug}`
const draftA = `${serviceA.name}: grant draft`
const draftB = `${serviceB.name}: grant draft`

let token: string

beforeAll(async () => {
  token = await login(cmsUrl, editor.email, editor.password)
  for (const [doc, name] of [
    [serviceA, draftA],
    [serviceB, draftB],
  ] as const) {
    await cmsJson(cmsUrl, `/api/services/${doc.id}?draft=true`, { method: 'PATCH', token, body: { name } })
  }
})

/** Asks the CMS for a grant as the editor; returns the site URL it redirects to. */
async function grantUrl(collection: string, id: string | number): Promise<URL> {
  const response = await fetch(`${cmsUrl}/api/preview-grant?collection=${collection}&id=${id}`, {
    headers: { authorization: `JWT ${token}` },
    redirect: 'manual',
  })
  expect(response.status).toBe(303)
  return new URL(String(response.headers.get('location')))
}

/** Exchanges a grant URL at the site; returns the response and the cookies it set (name=value). */
async function exchange(url: string): Promise<{ status: number; location: string | null; cookies: Map<string, string>; raw: string[]; body: string }> {
  const response = await fetch(url, { redirect: 'manual' })
  const raw = response.headers.getSetCookie()
  const cookies = new Map(raw.map((line) => line.split(';')[0]!.split('=') as [string, string]).map(([name, ...value]) => [name, value.join('=')]))
  return { status: response.status, location: response.headers.get('location'), cookies, raw, body: await response.text() }
}

const cookieHeader = (cookies: Map<string, string>) => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')

/** The page's <h1> and whether the preview bar is on it, for a browser holding `cookie`. */
async function pageAs(
  target: string,
  cookie: string,
): Promise<{ h1: string | undefined; bar: boolean; cacheControl: string | null; csp: string | null }> {
  const page = await get(`${siteUrl}${target}`, { headers: { cookie } })
  expect(page.status, target).toBe(200)
  return {
    h1: h1Of(page.body),
    bar: page.body.includes('aria-label="Preview mode"'),
    cacheControl: page.headers.get('cache-control'),
    csp: page.headers.get('content-security-policy'),
  }
}

function selfSigned(claims: Partial<PreviewClaims>, secret = previewSecret): string {
  const grant: PreviewClaims = {
    jti: randomUUID(),
    collection: 'services',
    id: String(serviceA.id),
    path: pathA,
    exp: Math.floor(Date.now() / 1000) + 300,
    ...claims,
  }
  return `${siteUrl}/api/preview?grant=${encodeURIComponent(signPreviewToken(grant, secret, 'preview-grant'))}`
}

describe('the CMS grant endpoint (GET /api/preview-grant)', () => {
  test.each([
    ['no login', {}, 401],
    ['a wrong login token', { authorization: `JWT ${randomBytes(48).toString('base64url')}` }, 401],
  ])('refuses %s', async (_name, headers, status) => {
    const response = await fetch(`${cmsUrl}/api/preview-grant?collection=services&id=${serviceA.id}`, { headers, redirect: 'manual' })
    expect(response.status).toBe(status)
    expect(response.headers.get('location')).toBeNull()
    expect((await response.json()).error).toMatch(/log in/i)
  })

  test('gives staff a short-lived grant for one document, naming its page and nothing secret', async () => {
    const url = await grantUrl('services', serviceA.id)
    expect(url.origin).toBe(siteUrl)
    expect(url.pathname).toBe('/api/preview')
    expect([...url.searchParams.keys()]).toEqual(['grant'])
    const grant = String(url.searchParams.get('grant'))
    for (const secret of [token, previewSecret, revalidateSecret]) expect(url.toString()).not.toContain(secret)
    const claims = JSON.parse(Buffer.from(grant.split('.')[0]!, 'base64url').toString()) as PreviewClaims
    expect(Object.keys(claims).sort()).toEqual(['collection', 'exp', 'id', 'jti', 'path'])
    expect(claims).toMatchObject({ collection: 'services', id: String(serviceA.id), path: pathA })
    const lifetime = claims.exp - Date.now() / 1000
    expect(lifetime).toBeGreaterThan(60)
    expect(lifetime).toBeLessThanOrEqual(300)
  })

  test.each([
    ['a collection without pages', 'collection=users&id=1', 400],
    ['no id', 'collection=services', 400],
    ['a document that does not exist', 'collection=services&id=987654', 404],
  ])('answers %s with a message, not a grant', async (_name, query, status) => {
    const response = await fetch(`${cmsUrl}/api/preview-grant?${query}`, { headers: { authorization: `JWT ${token}` }, redirect: 'manual' })
    expect(response.status).toBe(status)
    expect((await response.json()).error).toBeTruthy()
  })
})

describe('the site exchanging a grant (GET /api/preview)', () => {
  test('the admin’s link (collection and id only) goes to the CMS for a grant', async () => {
    const response = await fetch(`${siteUrl}/api/preview?collection=services&id=${serviceA.id}`, { redirect: 'manual' })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(`${cmsUrl}/api/preview-grant?collection=services&id=${serviceA.id}`)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  test('works once: the draft of that document only, with an httpOnly, Secure, SameSite=Lax cookie; a second use is refused', async () => {
    const url = (await grantUrl('services', serviceA.id)).toString()
    const first = await exchange(url)
    expect(first.status).toBe(307)
    expect(first.location).toBe(pathA)
    const previewCookie = first.raw.find((line) => line.startsWith('clinic-preview='))
    expect(previewCookie).toMatch(/HttpOnly/i)
    expect(previewCookie).toMatch(/Secure/i)
    expect(previewCookie).toMatch(/SameSite=Lax/i)
    expect(first.cookies.has('__prerender_bypass')).toBe(true)

    const cookie = cookieHeader(first.cookies)
    const own = await pageAs(pathA, cookie)
    expect(own).toMatchObject({ h1: draftA, bar: true })
    expect(own.cacheControl).toMatch(/no-store/)
    // In draft mode (only), the CMS's admin may frame the page for Live Preview.
    expect(own.csp).toContain(`frame-ancestors ${new URL(cmsUrl).origin}`)
    expect((await pageAs(pathA, '')).csp).toContain("frame-ancestors 'none'")
    // A grant is for one document: another service with a draft still shows its published version.
    expect((await pageAs(pathB, cookie)).h1).toBe(serviceB.name)
    // The public never sees the draft.
    expect((await pageAs(pathA, '')).h1).toBe(serviceA.name)

    const second = await exchange(url)
    expect(second.status).toBe(401)
    expect(second.body).toMatch(/already used/)
    expect(second.raw).toEqual([])
  })

  test.each([
    ['missing', () => `${siteUrl}/api/preview`],
    ['empty', () => `${siteUrl}/api/preview?grant=`],
    ['tampered (signature)', async () => {
      const url = await grantUrl('services', serviceA.id)
      const grant = String(url.searchParams.get('grant'))
      return `${siteUrl}/api/preview?grant=${grant.slice(0, -2)}${grant.endsWith('AA') ? 'BB' : 'AA'}`
    }],
    ['tampered (for another document, same signature)', async () => {
      const url = await grantUrl('services', serviceA.id)
      const [payload, signature] = String(url.searchParams.get('grant')).split('.')
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as PreviewClaims
      const forged = Buffer.from(JSON.stringify({ ...claims, id: String(serviceB.id), path: pathB })).toString('base64url')
      return `${siteUrl}/api/preview?grant=${forged}.${signature}`
    }],
    ['expired', () => selfSigned({ exp: Math.floor(Date.now() / 1000) - 1 })],
    ['signed with another secret', () => selfSigned({}, randomBytes(32).toString('hex'))],
    ['not a grant at all', () => `${siteUrl}/api/preview?grant=${'x'.repeat(40)}`],
  ])('refuses a %s grant with 401 and sets no cookie', async (_name, makeUrl) => {
    const refused = await exchange(await makeUrl())
    expect(refused.status).toBe(401)
    expect(refused.body).toMatch(/preview/i)
    expect(refused.raw).toEqual([])
  })

  test('an expired grant says so', async () => {
    expect((await exchange(selfSigned({ exp: Math.floor(Date.now() / 1000) - 1 }))).body).toMatch(/expired/)
  })

  test('draft mode without a valid preview cookie shows the published page', async () => {
    const { cookies } = await exchange((await grantUrl('services', serviceA.id)).toString())
    const bypass = `__prerender_bypass=${cookies.get('__prerender_bypass')}`
    // Next.js's build-wide draft-mode cookie alone.
    expect(await pageAs(pathA, bypass)).toMatchObject({ h1: serviceA.name, bar: false })
    // With a forged preview cookie, or a grant passed off as one.
    const session = String(cookies.get('clinic-preview'))
    const forged = `${session.slice(0, -2)}${session.endsWith('AA') ? 'BB' : 'AA'}`
    expect(await pageAs(pathA, `${bypass}; clinic-preview=${forged}`)).toMatchObject({ h1: serviceA.name, bar: false })
    const grantAsCookie = new URL(selfSigned({})).searchParams.get('grant')
    expect(await pageAs(pathA, `${bypass}; clinic-preview=${grantAsCookie}`)).toMatchObject({ h1: serviceA.name, bar: false })
  })
})

/** Redirect targets that a browser would take to another site, once normalised or decoded. */
const hostileTargets = [
  '//evil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/a/..//evil.example',
  '/\\evil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%252F%252Fevil.example',
  '/.%2F%2Fevil.example',
  'https://evil.example/',
  '/%09/evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  'javascript:alert(1)',
]

describe('redirect targets are same-origin paths after normalisation', () => {
  test.each(hostileTargets)('/api/exit-preview?path=%s goes home', async (target) => {
    const response = await fetch(`${siteUrl}/api/exit-preview?path=${encodeURIComponent(target)}`, { redirect: 'manual' })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('/')
  })

  test.each(hostileTargets)('the same shape sent raw, /api/exit-preview?path=%s, goes home too', async (target) => {
    const response = await fetch(`${siteUrl}/api/exit-preview?path=${target.replaceAll('#', '%23').replaceAll('&', '%26')}`, { redirect: 'manual' })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('/')
  })

  test('a path on the site is kept, and leaving preview forgets both cookies', async () => {
    const response = await fetch(`${siteUrl}/api/exit-preview?path=${encodeURIComponent(pathA)}`, { redirect: 'manual' })
    expect(response.headers.get('location')).toBe(pathA)
    const cleared = response.headers.getSetCookie().join('\n')
    expect(cleared).toMatch(/clinic-preview=;/)
    expect(cleared).toMatch(/__prerender_bypass=;/)
  })

  test.each(hostileTargets.filter((target) => target.startsWith('/')))('a grant whose path is %s opens home (a grant is checked like any target)', async (target) => {
    const response = await exchange(selfSigned({ path: target }))
    expect(response.status).toBe(307)
    expect(response.location).toBe('/')
  })
})

describe('the draft-reader credential of the site', () => {
  const draftQuery = `/api/services?where[id][equals]=${serviceA.id}&draft=true&depth=0`

  test.each([
    ['without it', {}],
    ['with a wrong one', { [previewReaderHeader]: previewReaderCredential(randomBytes(32).toString('hex')) }],
    ['with the shared secret itself', { [previewReaderHeader]: previewSecret }],
  ])('%s, the CMS shows no draft', async (_name, headers) => {
    const body = await (await fetch(`${cmsUrl}${draftQuery}`, { headers })).text()
    expect(body).not.toContain(draftA)
  })

  test('with it, the CMS shows the draft, and refuses any write', async () => {
    const headers = { [previewReaderHeader]: previewReaderCredential(previewSecret) }
    expect(await (await fetch(`${cmsUrl}${draftQuery}`, { headers })).text()).toContain(draftA)
    const write = await fetch(`${cmsUrl}/api/services/${serviceA.id}?draft=true`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'written by the reader' }),
    })
    expect(write.status).toBeGreaterThanOrEqual(400)
    expect(write.status).toBeLessThan(500)
    expect(await (await fetch(`${cmsUrl}${draftQuery}`, { headers })).text()).not.toContain('written by the reader')
  })
})

describe('the revalidation endpoint (POST /api/revalidate)', () => {
  const body = JSON.stringify({ tags: ['doc:services:none'] })
  test.each([
    ['no secret', {}],
    ['a wrong secret', { [revalidateSecretHeader]: randomBytes(32).toString('hex') }],
    ['the preview secret', { [revalidateSecretHeader]: previewSecret }],
  ])('refuses %s with 401', async (_name, headers) => {
    const response = await fetch(`${siteUrl}/api/revalidate`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    expect(response.status).toBe(401)
  })

  test('accepts the right secret, and answers a broken body with 400', async () => {
    const headers = { 'content-type': 'application/json', [revalidateSecretHeader]: revalidateSecret }
    expect((await fetch(`${siteUrl}/api/revalidate`, { method: 'POST', headers, body })).status).toBe(200)
    const broken = await fetch(`${siteUrl}/api/revalidate`, { method: 'POST', headers, body: '{"tags": [' })
    expect(broken.status).toBe(400)
    expect((await broken.json()).error).toMatch(/JSON/)
  })
})
