import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import { certainlyNoPage, documentAddress, imageAddress, mayExist, noteKnownSlugPurges, resetKnownSlugs, siteRoutes, staleGraceMs, type GatedCollection } from './known-slugs'

/** A reader that answers with `slugs` and counts its calls; `gate` holds it until released. */
function reader(slugs: string[], options: { fail?: boolean } = {}) {
  let calls = 0
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const read = async (_collection: GatedCollection) => {
    calls++
    await gate
    if (options.fail) throw new Error('CMS down')
    return new Set(slugs)
  }
  return { read, release, calls: () => calls }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => resetKnownSlugs())

describe('mayExist: the proxy refuses only a slug that is certainly not published', () => {
  it('before the first read every slug may exist (render as before), and one read starts', async () => {
    const cms = reader(['sciatica-and-massage'])
    expect(mayExist('articles', 'made-up', cms.read)).toBe(true)
    expect(mayExist('articles', 'made-up-2', cms.read)).toBe(true)
    expect(cms.calls()).toBe(1)
    cms.release()
    await settle()
    expect(mayExist('articles', 'made-up', cms.read)).toBe(false)
    expect(mayExist('articles', 'sciatica-and-massage', cms.read)).toBe(true)
    expect(cms.calls()).toBe(1)
  })

  it('a slug named by a purge is known at once, before the next read, and after it', async () => {
    const first = reader(['a'])
    mayExist('articles', 'x', first.read)
    first.release()
    await settle()
    expect(mayExist('articles', 'new-article', first.read)).toBe(false)
    // A publish: the collection's purge starts a new read at once; meanwhile the previous set, with
    // the slugs the purge named, still answers (a junk burst right after a publish costs nothing).
    const second = reader(['a', 'new-article'])
    noteKnownSlugPurges(['collection:articles', 'doc:articles:new-article'], second.read)
    expect(second.calls()).toBe(1)
    expect(mayExist('articles', 'new-article', second.read)).toBe(true)
    expect(mayExist('articles', 'a', second.read)).toBe(true)
    expect(mayExist('articles', 'other', second.read)).toBe(false)
    expect(second.calls()).toBe(1)
    second.release()
    await settle()
    expect(mayExist('articles', 'new-article', second.read)).toBe(true)
    expect(mayExist('articles', 'other', second.read)).toBe(false)
  })

  it('past the grace, a set still being read again no longer refuses anything (render as before)', async () => {
    const first = reader(['a'])
    mayExist('articles', 'x', first.read)
    first.release()
    await settle()
    const slow = reader(['a'])
    const purgedAt = Date.now()
    noteKnownSlugPurges(['collection:articles'], slow.read, purgedAt)
    expect(mayExist('articles', 'other', slow.read, purgedAt + staleGraceMs - 1)).toBe(false)
    expect(mayExist('articles', 'other', slow.read, purgedAt + staleGraceMs)).toBe(true)
    slow.release()
    await settle()
    expect(mayExist('articles', 'other', slow.read)).toBe(false)
  })

  it('a read that fails after a purge: the previous set answers for the grace only', async () => {
    const first = reader(['a'])
    mayExist('exercises', 'x', first.read)
    first.release()
    await settle()
    const down = reader([], { fail: true })
    const purgedAt = Date.now()
    noteKnownSlugPurges(['collection:exercises'], down.read, purgedAt)
    down.release()
    await settle()
    expect(mayExist('exercises', 'other', down.read, purgedAt + 1000)).toBe(false)
    expect(mayExist('exercises', 'other', down.read, purgedAt + staleGraceMs)).toBe(true)
    expect(down.calls()).toBe(1)
  })

  it('a purged slug stays known when the read that follows began before the purge', async () => {
    const first = reader(['a'])
    mayExist('services', 'x', first.read)
    first.release()
    await settle()
    const slow = reader(['a'])
    noteKnownSlugPurges(['collection:services'], slow.read)
    expect(slow.calls()).toBe(1)
    // Published while that read is in flight: its answer cannot hold the new slug.
    noteKnownSlugPurges(['doc:services:late'], slow.read)
    slow.release()
    await settle()
    expect(mayExist('services', 'late', slow.read)).toBe(true)
  })

  it('a CMS that cannot be reached never makes a page 404: everything renders, and it is asked again later', async () => {
    const down = reader([], { fail: true })
    down.release()
    expect(mayExist('exercises', 'anything', down.read)).toBe(true)
    await settle()
    expect(mayExist('exercises', 'anything', down.read)).toBe(true)
    expect(down.calls()).toBe(1)
  })

  it('a reconnect of the purge bus ("everything") asks for a new read, rendering meanwhile', async () => {
    const first = reader(['a'])
    mayExist('conditions', 'x', first.read)
    first.release()
    await settle()
    expect(mayExist('conditions', 'b', first.read)).toBe(false)
    // A purge may have been missed: the previous set is not trusted, even within the grace.
    const second = reader(['a', 'b'])
    noteKnownSlugPurges('everything', second.read)
    expect(mayExist('conditions', 'b', second.read)).toBe(true)
    expect(mayExist('conditions', 'other', second.read)).toBe(true)
    expect(second.calls()).toBe(1)
    second.release()
    await settle()
    expect(mayExist('conditions', 'other', second.read)).toBe(false)
  })

  it('collections are apart: a purge of one does not make another stale', async () => {
    const cms = reader(['a'])
    mayExist('articles', 'x', cms.read)
    mayExist('services', 'x', cms.read)
    cms.release()
    await settle()
    noteKnownSlugPurges(['collection:services', 'doc:services:b'], cms.read)
    expect(mayExist('articles', 'b', cms.read)).toBe(false)
    expect(mayExist('services', 'b', cms.read)).toBe(true)
  })
})

describe('documentAddress', () => {
  it.each([
    ['/articles/sciatica-and-massage', { collection: 'articles', slug: 'sciatica-and-massage' }],
    ['/services/deep-tissue', { collection: 'services', slug: 'deep-tissue' }],
    ['/exercises/x', { collection: 'exercises', slug: 'x' }],
    ['/conditions/sciatica', { collection: 'conditions', slug: 'sciatica' }],
    ['/about', { collection: 'pages', slug: 'about' }],
    ['/wp-login.php', { collection: 'pages', slug: 'wp-login.php' }],
  ])('%s is a document address', (address, expected) => {
    expect(documentAddress(address)).toEqual(expected)
  })

  it.each(['/articles', '/articles/', '/articles/page/2', '/team/x', '/pages/x', '/articles/a/b', '/search', '/team', '/book', '/robots.txt', '/sitemap.xml', '/__clinic-not-found', '/'])(
    '%s is not',
    (address) => {
      expect(documentAddress(address)).toBeUndefined()
    },
  )

  it.each([
    ['/og/articles/sciatica', { collection: 'articles', slug: 'sciatica' }],
    ['/og/pages/about', { collection: 'pages', slug: 'about' }],
  ])('%s is a document image', (address, expected) => {
    expect(imageAddress(address)).toEqual(expected)
  })

  it.each(['/og/team/x', '/og/articles', '/articles/x'])('%s is not a document image', (address) => {
    expect(imageAddress(address)).toBeUndefined()
  })
})

describe('certainlyNoPage: deeper paths outside the site routes', () => {
  it.each(['/wp-admin/setup.php', '/.well-known/x/y', '/about/team', '/pages/x'])('%s has no page', (address) => {
    expect(certainlyNoPage(address)).toBe(true)
  })
  it.each(['/about', '/articles/page/2', '/sitemaps/articles.xml', '/og/articles/x', '/book/thanks', '/api/health', '/'])('%s may', (address) => {
    expect(certainlyNoPage(address)).toBe(false)
  })
})

describe('siteRoutes names every top-level route of the site (else its pages would answer 404)', () => {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const app = path.resolve(here, '../../app')
  const publicDir = path.resolve(here, '../../../public')
  /** What a metadata file of src/app answers as (robots.ts: /robots.txt); other files answer nothing. */
  const metadataFiles: Record<string, string> = { 'robots.ts': 'robots.txt', 'sitemap.ts': 'sitemap.xml', 'manifest.ts': 'manifest.webmanifest', 'icon.svg': 'icon.svg', 'favicon.ico': 'favicon.ico' }
  /** Top-level folders answer their name, except route groups, private folders and dynamic segments. */
  const routes = readdirSync(app, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (/^[[(@_]/.test(entry.name) ? [] : [entry.name]) : entry.name in metadataFiles ? [metadataFiles[entry.name]!] : [],
  )
  const publicFiles = existsSync(publicDir) ? readdirSync(publicDir) : []

  it.each([...routes, ...publicFiles])('%s', (name) => {
    expect(siteRoutes.has(name)).toBe(true)
  })

  it('finds the routes it checks', () => {
    expect(routes).toEqual(expect.arrayContaining(['articles', 'team', 'search', 'robots.txt', 'icon.svg', 'favicon.ico']))
  })
})
