import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { collectionTag, documentTag, revalidateSecretHeader } from '@clinic/cms-types'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createArticle, uniqueSlug, type CreatedArticle } from './support/articles'
import { cmsJson, docBySlug, login } from './support/cms'
import { e2e } from './support/context'
import { startHoldingProxy } from './support/holding-proxy'
import { freePort, nextStartArgs, siteInstanceEnv, startProcess, waitFor, waitUntilAnswering, webDir, type ManagedProcess } from './support/servers'
import { get, h1Of } from './support/site'

// The shared site (global-setup) keeps its cache in Redis; a second instance (the regular build)
// shares that Redis, as behind a deployment's load balancer; the shipped front cache (nginx,
// deploy/nginx, started by the global setup) balances across both, and whichever instance gets a
// purge refreshes it. The CMS tells the first instance only, as it would tell one instance or the
// load balancer's address: everything below must reach the second one by itself.
const { cmsUrl, siteUrl, secondSiteUrl, frontUrl, frontAccessLog, redisUrl, editor, marketer, revalidateSecret, previewSecret, logDir } = e2e()
const slug = 'sciatica-and-massage'
const articlePath = `/articles/${slug}`
let second: { url: string; proc: ManagedProcess } | undefined
let token = ''
let marketerToken = ''
let article: { id: number | string; title?: string }
let announcementBefore: Record<string, unknown> | undefined
// The announcement window (set in beforeAll, checked by the last test, so the wait overlaps the rest).
let bannerWindow: { text: string; startsAt: number; endsAt: number } | undefined

/** Redirects and other per-process state: every instance agrees within a second of the CMS's answer. */
const agreeWithinMs = 1_000
/** A page the change touches is rendered again on its next visit: allow the render on two shared cores. */
const renderWithinMs = 5_000
/**
 * Through the front cache balanced across both instances: the refresh of the instance that got the
 * purge (answered by that instance itself, never by the other, which may still hold the old copy),
 * well under a second; allow a render of the page and its lists on two shared cores. Far below
 * nginx's 60 s safety net: an old copy stored by mistake fails this.
 */
const frontWithinMs = 5_000
/** A time edge shows at most a minute late (the CMS's job queue runs every minute in production). */
const edgeWithinMs = 60_000

const instances = () => [
  { name: 'the instance the CMS tells', url: siteUrl },
  { name: 'the other instance', url: second!.url },
]
const everywhere = () => [...instances(), { name: 'the front cache', url: frontUrl }]

/** Pages no other test here changes (they show neither articles nor redirects). */
const bannerPages = ['/team', '/services']
const bannerOf = (html: string) => /<aside[^>]*aria-label="Announcement"[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '')

beforeAll(async () => {
  token = await login(cmsUrl, editor.email, editor.password)
  marketerToken = await login(cmsUrl, marketer.email, marketer.password)
  article = await docBySlug(cmsUrl, 'articles', slug)
  announcementBefore = await cmsJson<Record<string, unknown>>(cmsUrl, '/api/globals/announcement?depth=0', { token: marketerToken })

  // The port the front cache already lists as its second instance.
  const url = secondSiteUrl
  const port = Number(new URL(url).port)
  const proc = startProcess('Site instance 2 (shared Redis cache)', nextStartArgs(webDir, port), {
    cwd: webDir,
    // Behind the same front cache as the first, configured alike: a purge it receives refreshes it.
    env: siteInstanceEnv({ cmsUrl, siteUrl, revalidateSecret, previewSecret }, { REDIS_URL: redisUrl, TRUSTED_PROXY: '1', FRONT_CACHE_URL: frontUrl }),
    logFile: path.join(logDir, 'site-second-instance.log'),
  })
  second = { url, proc }
  await waitUntilAnswering(proc, `${url}/robots.txt`, 180_000)

  // A banner whose window opens 60 s from now and closes 60 s later: set as soon as both instances
  // run, as the wait is the longest part of this file, and checked by its last test (the other tests
  // run meanwhile). The save purges every page (the
  // banner is not shown yet); nothing is published at the edges.
  await setBannerWindow()
}, 300_000)

/**
 * Sets an announcement whose window opens 60 s from now and closes 60 s later (the save purges every
 * page; the banner is not shown yet), then caches the pages the last test samples everywhere,
 * without the banner.
 */
async function setBannerWindow() {
  const now = Date.now()
  bannerWindow = { text: `Holiday hours ${now.toString(36)}`, startsAt: now + 60_000, endsAt: now + 120_000 }
  await cmsJson(cmsUrl, '/api/globals/announcement', {
    method: 'POST',
    token: marketerToken,
    body: { enabled: true, text: bannerWindow.text, startsAt: new Date(bannerWindow.startsAt).toISOString(), endsAt: new Date(bannerWindow.endsAt).toISOString() },
  })
  for (const { url } of everywhere()) for (const pathname of bannerPages) expect((await get(`${url}${pathname}`)).status).toBe(200)
}

afterAll(async () => {
  if (article?.title) {
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title: article.title, _status: 'published' } })
  }
  if (announcementBefore) {
    const { enabled, text, linkLabel, linkUrl, startsAt, endsAt } = announcementBefore
    await cmsJson(cmsUrl, '/api/globals/announcement', { method: 'POST', token: marketerToken, body: { enabled, text, linkLabel, linkUrl, startsAt, endsAt } })
  }
  await second?.proc.stop()
})

/** The front cache's request log (global-setup starts nginx with it, unbuffered). */
const logSize = () => statSync(frontAccessLog).size
const logSince = (mark: number) => readFileSync(frontAccessLog).subarray(mark).toString('utf8').split('\n')
/** The site's refreshes of the article's page (identity and gzip). */
const refreshesOf = (lines: string[]) => lines.filter((line) => line.includes(`"GET ${articlePath} HTTP/1.1"`) && line.includes(' refresh=1 '))

/**
 * Exactly one refresh of each copy since `mark` (a second one would come within this second), both
 * answered by the instance that got the purge (`by`): the other may not have seen it yet.
 */
async function expectRefreshedOnce(mark: number, by: string) {
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  const refreshes = refreshesOf(logSince(mark))
  expect(refreshes, refreshes.join('\n')).toHaveLength(2)
  expect(refreshes.every((line) => / 200 /.test(line))).toBe(true)
  expect(refreshes.map((line) => /upstream=(\S+)/.exec(line)?.[1]), refreshes.join('\n')).toEqual([new URL(by).host, new URL(by).host])
}

/** Polls `url` until `check` holds, within `ms`; the message names the place and what was last seen. */
async function until(where: string, url: string, ms: number, what: string, check: (page: Awaited<ReturnType<typeof get>>) => boolean) {
  let last = ''
  await waitFor(
    async () => {
      const page = await get(url)
      last = `${page.status} ${page.headers.get('location') ?? ''} "${h1Of(page.body) ?? ''}"`
      return check(page)
    },
    { timeout: ms, interval: 100, message: `${where}: ${url} did not ${what} within ${ms} ms` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer: ${last}`)
  })
}

describe('several site instances, one cache (Redis), the CMS telling one', () => {
  test('a page rendered by one instance is served from the cache by the other', async () => {
    // Rendered afresh by the first (a page purged just before, e.g. by the previous spec file, is
    // served stale once while it renders again).
    const rendered = await waitFor(
      async () => {
        const page = await get(`${siteUrl}${articlePath}`)
        return page.status === 200 && page.headers.get('x-nextjs-cache') !== 'STALE' && page
      },
      { timeout: renderWithinMs, interval: 100, message: `the first instance did not render ${articlePath}` },
    )
    // The other serves that render from the shared cache: at once, or (when it still held an
    // older copy in memory, having served the front cache's refreshes) within a second.
    let other: Awaited<ReturnType<typeof get>> | undefined
    await until('the other instance', `${second!.url}${articlePath}`, agreeWithinMs, 'serve the same render from the cache', (page) => {
      other = page
      return page.status === 200 && page.headers.get('x-nextjs-cache') === 'HIT' && h1Of(page.body) === h1Of(rendered.body)
    })
    expect(other?.headers.get('x-nextjs-cache')).toBe('HIT')
  })

  test('the front cache balances across both instances', async () => {
    // nginx keeps an upstream it could not reach earlier in the suite (this instance was not yet
    // running) out of the rotation for its fail_timeout (10 s): ask until both have answered, for
    // up to 20 s.
    const mark = logSize()
    const both = [new URL(siteUrl).host, new URL(second!.url).host].sort()
    let upstreams = new Set<string | undefined>()
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      for (let i = 0; i < 8; i++) expect((await get(`${frontUrl}/api/health`)).status).toBe(200)
      upstreams = new Set(logSince(mark).filter((line) => line.includes('"GET /api/health ')).map((line) => /upstream=(\S+)/.exec(line)?.[1]))
      if (upstreams.size >= 2) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect([...upstreams].sort()).toEqual(both)
  })

  test('a redirect created, changed and deleted behaves the same on every instance and through the front cache within a second', async () => {
    const from = `/flyer-${Date.now().toString(36)}`
    // Both instances hold their redirect map (and its 404 for `from`) before the change, and the
    // front cache has been asked for it.
    for (const { url } of everywhere()) expect((await get(`${url}${from}`)).status).toBe(404)
    const created = await cmsJson<{ doc: { id: number | string } }>(cmsUrl, '/api/redirects', {
      method: 'POST',
      token: marketerToken,
      body: { from, to: { type: 'custom', url: '/services' }, type: '302' },
    })
    for (const { name, url } of everywhere()) {
      await until(name, `${url}${from}`, agreeWithinMs, 'redirect to /services', (page) => page.status === 302 && page.headers.get('location')?.endsWith('/services') === true)
    }
    await cmsJson(cmsUrl, `/api/redirects/${created.doc.id}`, { method: 'PATCH', token: marketerToken, body: { to: { type: 'custom', url: '/team' } } })
    for (const { name, url } of everywhere()) {
      await until(name, `${url}${from}`, agreeWithinMs, 'redirect to /team', (page) => page.status === 302 && page.headers.get('location')?.endsWith('/team') === true)
    }
    await cmsJson(cmsUrl, `/api/redirects/${created.doc.id}`, { method: 'DELETE', token: marketerToken })
    for (const { name, url } of everywhere()) {
      await until(name, `${url}${from}`, agreeWithinMs, 'stop redirecting (404)', (page) => page.status === 404)
    }
  })

  test('a publish shows on every instance and through the front cache', async () => {
    const title = `Sciatica and massage (shared cache ${Date.now()})`
    for (const { url } of everywhere()) expect((await get(`${url}${articlePath}`)).status).toBe(200)
    const mark = logSize()
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title, _status: 'published' } })
    for (const { name, url } of instances()) await until(name, `${url}${articlePath}`, renderWithinMs, 'show the new title', (page) => h1Of(page.body) === title)
    await until('front cache', `${frontUrl}${articlePath}`, frontWithinMs, 'show the new title', (page) => h1Of(page.body) === title)
    // The instance the CMS told refreshed the front cache's two copies (gzip, plain) once; the other
    // instance, told through Redis, did not refresh them again.
    await expectRefreshedOnce(mark, siteUrl)
  })

  test('a purge sent to the other instance (as to a load balancer) refreshes the front cache once too', async () => {
    const mark = logSize()
    const purge = await fetch(`${second!.url}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [revalidateSecretHeader]: revalidateSecret },
      body: JSON.stringify({ tags: [collectionTag('articles')] }),
    })
    expect(purge.status).toBe(200)
    await waitFor(async () => refreshesOf(logSince(mark)).length >= 2, { timeout: frontWithinMs, interval: 100, message: `the front cache was not refreshed for ${articlePath}` })
    await expectRefreshedOnce(mark, second!.url)
  })

  test('a render that read the CMS before a publish and finished after its purge is not kept: the page shows the publish', async () => {
    // A third instance with its own cache (its own key prefix in the same Redis) reads the CMS
    // through a pass-through that can hold answers back: its render of the article reads the old
    // title before the publish and stores the page after the purge, the race a refresh queued by
    // an earlier purge (or any visitor's render) runs into at the moment of a publish.
    const proxy = await startHoldingProxy(cmsUrl)
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const proc = startProcess('Site instance 3 (CMS reads held back)', nextStartArgs(webDir, port), {
      cwd: webDir,
      env: siteInstanceEnv(
        { cmsUrl: proxy.url, siteUrl, revalidateSecret, previewSecret },
        { PORT: String(port), REDIS_URL: redisUrl, KEY_PREFIX: `held-reads-${Date.now().toString(36)}-`, FRONT_CACHE_URL: '' },
      ),
      logFile: path.join(logDir, 'site-third-instance.log'),
    })
    const purge = async (tags: string[]) => {
      const response = await fetch(`${url}/api/revalidate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [revalidateSecretHeader]: revalidateSecret },
        body: JSON.stringify({ tags }),
      })
      expect(response.status).toBe(200)
    }
    try {
      await waitUntilAnswering(proc, `${url}/robots.txt`, 180_000)
      const before = await get(`${url}${articlePath}`)
      expect(before.status).toBe(200)
      const oldTitle = h1Of(before.body)
      // The article's own CMS read is held from now on; a purge of the article makes it read again.
      proxy.hold((pathAndQuery) => pathAndQuery.startsWith('/api/articles?') && decodeURIComponent(pathAndQuery).includes(`[slug][equals]=${slug}`))
      await purge([documentTag('articles', slug)])
      const visitor = get(`${url}${articlePath}`).catch(() => undefined)
      await waitFor(() => proxy.held() > 0, { timeout: renderWithinMs, interval: 50, message: 'the third instance did not read the article from the CMS again' })
      // The publish, told to this instance as the CMS tells one: its purge lands mid-render.
      const title = `Sciatica and massage (held read ${Date.now()})`
      await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title, _status: 'published' } })
      await purge([collectionTag('articles'), documentTag('articles', slug)])
      // The render that read the old title finishes now, after the purge.
      proxy.release()
      expect(h1Of((await visitor)?.body ?? '')).toBe(oldTitle)
      await until('the third instance', `${url}${articlePath}`, renderWithinMs, 'show the new title', (page) => h1Of(page.body) === title)
      // And it stays: the old render was not stored to come back when memory expires.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(h1Of((await get(`${url}${articlePath}`)).body)).toBe(title)
    } finally {
      proxy.release()
      await proc.stop()
      await proxy.close()
    }
  }, 240_000)

  describe('a new article, searched for, moved to a new slug (its automatic redirect deleted), unpublished', () => {
    const word = `zyxcalm${Date.now().toString(36)}`
    let created: CreatedArticle
    let oldSlug = ''
    let newSlug = ''

    test('published: its page, the list and search show it on every instance', async () => {
      created = await createArticle(cmsUrl, token, { title: `Quiet recovery ${word}`, slug: uniqueSlug('quiet-recovery'), status: 'published' })
      oldSlug = created.slug
      for (const { name, url } of everywhere()) {
        const within = url === frontUrl ? frontWithinMs : renderWithinMs
        await until(name, `${url}/articles/${oldSlug}`, within, 'show the article', (page) => page.status === 200 && h1Of(page.body) === created.title)
        await until(name, `${url}/articles`, within, 'list the article', (page) => page.body.includes(`/articles/${oldSlug}`))
        await until(name, `${url}/search?q=${word}`, within, 'find the new word', (page) => page.body.includes(`/articles/${oldSlug}`))
      }
    })

    test('a slug change (with a draft under a third slug in between) moves every URL on every instance and through the front cache', async () => {
      // Every URL of the article cached everywhere first.
      for (const { url } of everywhere()) {
        for (const pathname of [`/articles/${oldSlug}`, `/og/articles/${oldSlug}`, '/sitemap.xml', '/feed.xml']) expect((await get(`${url}${pathname}`)).status).toBe(200)
      }
      // An editor saves a draft under another slug, then publishes under a third: the site must purge
      // the slug that was live, not the draft's.
      const draftSlug = uniqueSlug('quiet-recovery-draft')
      await cmsJson(cmsUrl, `/api/articles/${created.id}?draft=true`, { method: 'PATCH', token, body: { slug: draftSlug, _status: 'draft' } })
      newSlug = uniqueSlug('quiet-recovery-moved')
      await cmsJson(cmsUrl, `/api/articles/${created.id}`, { method: 'PATCH', token, body: { slug: newSlug, _status: 'published' } })
      // Without the automatic redirect from the old address, the old page must be gone, not served from a cache.
      const automatic = await cmsJson<{ docs: { id: number | string }[] }>(cmsUrl, `/api/redirects?where[from][equals]=/articles/${oldSlug}&depth=0`, { token: marketerToken })
      expect(automatic.docs).toHaveLength(1)
      await cmsJson(cmsUrl, `/api/redirects/${automatic.docs[0]!.id}`, { method: 'DELETE', token: marketerToken })

      for (const { name, url } of everywhere()) {
        const within = url === frontUrl ? frontWithinMs : renderWithinMs
        await until(name, `${url}/articles/${oldSlug}`, within, 'answer 404 at the old slug', (page) => page.status === 404)
        await until(name, `${url}/og/articles/${oldSlug}`, within, 'answer 404 for the old OG image', (page) => page.status === 404)
        await until(name, `${url}/articles/${newSlug}`, within, 'show the article at the new slug', (page) => page.status === 200 && h1Of(page.body) === created.title)
        await until(name, `${url}/og/articles/${newSlug}`, within, 'serve the new OG image', (page) => page.status === 200)
        for (const list of ['/articles', '/sitemap.xml', '/feed.xml', `/search?q=${word}`]) {
          await until(name, `${url}${list}`, within, `link the new slug, not the old, in ${list}`, (page) => page.body.includes(`/articles/${newSlug}`) && !page.body.includes(`/articles/${oldSlug}`))
        }
      }
    })

    test('unpublished: gone from every instance, the list and search, and through the front cache', async () => {
      await cmsJson(cmsUrl, `/api/articles/${created.id}`, { method: 'PATCH', token, body: { _status: 'draft' } })
      for (const { name, url } of everywhere()) {
        const within = url === frontUrl ? frontWithinMs : renderWithinMs
        await until(name, `${url}/articles/${newSlug}`, within, 'answer 404 once unpublished', (page) => page.status === 404)
        await until(name, `${url}/articles`, within, 'drop the article from the list', (page) => page.status === 200 && !page.body.includes(`/articles/${newSlug}`))
        await until(name, `${url}/search?q=${word}`, within, 'stop finding the word', (page) => page.status === 200 && !page.body.includes(`/articles/${newSlug}`))
      }
    })
  })

  test('an announcement appears at its start and goes at its end on cached pages, with no publish', async () => {
    // The window set at the start of this file overlaps the tests before this one; when they took
    // so long that it is about to open (or already open), a new one is set, 60-120 s ahead again.
    if (Date.now() > bannerWindow!.startsAt - 10_000) await setBannerWindow()
    const { text, startsAt, endsAt } = bannerWindow!
    const pages = bannerPages
    // Cached before the window opens, without the banner.
    for (const { url } of everywhere()) for (const pathname of pages) expect(bannerOf((await get(`${url}${pathname}`)).body)).toBeUndefined()
    const wait = async (what: string, deadline: number, shown: boolean) => {
      for (const { name, url } of everywhere()) {
        for (const pathname of pages) {
          await until(name, `${url}${pathname}`, Math.max(1, deadline - Date.now()), what, (page) => (bannerOf(page.body)?.includes(text) ?? false) === shown)
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt - Date.now())))
    await wait('show the banner after its start', startsAt + edgeWithinMs, true)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now())))
    await wait('hide the banner after its end', endsAt + edgeWithinMs, false)
  }, 330_000)
})
