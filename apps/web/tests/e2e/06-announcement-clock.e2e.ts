import { existsSync } from 'node:fs'
import path from 'node:path'
import { globalTag, revalidateSecretHeader } from '@clinic/cms-types'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cmsJson, login } from './support/cms'
import { e2e } from './support/context'
import { freePort, nextStartArgs, siteInstanceEnv, startProcess, waitUntilAnswering, webDir, type ManagedProcess } from './support/servers'
import { frameworkScriptsInHead, get } from './support/site'

// A site instance whose clock runs half a minute behind the CMS's (libfaketime, Debian's `faketime`,
// installed by .ci/run), as a second machine whose time drifted. The CMS purges the banner at each
// edge of the announcement's window by its own clock (jobs/announcement-edges.ts); the page rendered
// after that purge must show what the CMS's clock says, not what this instance's clock says: by it,
// the window has not started at the start, and is still open at the end. This instance has no
// Redis and no front cache: it renders every page itself, and this test sends it the CMS's purges.
// The same instance shows what a site without a front cache does after a purge (first test).
const { cmsUrl, marketer, revalidateSecret, previewSecret, logDir } = e2e()
const skewMs = 30_000
const fakeTimeLibraries = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1']
const fakeTime = fakeTimeLibraries.find((file) => existsSync(file))
const page = '/team'
const bannerOf = (html: string) => /<aside[^>]*aria-label="Announcement"[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '')

let site: { url: string; proc: ManagedProcess } | undefined
let marketerToken = ''
let announcementBefore: Record<string, unknown> | undefined

/** What the CMS's edge job does: purge the announcement's tag on the site. Answers the site's clock. */
async function purgeBanner(): Promise<number> {
  const response = await fetch(`${site!.url}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [revalidateSecretHeader]: revalidateSecret },
    body: JSON.stringify({ tags: [globalTag('announcement')] }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { now: number }).now
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())))

beforeAll(async () => {
  if (!fakeTime) throw new Error(`No libfaketime (${fakeTimeLibraries.join(', ')}): install Debian's faketime package (.ci/run does).`)
  marketerToken = await login(cmsUrl, marketer.email, marketer.password)
  announcementBefore = await cmsJson<Record<string, unknown>>(cmsUrl, '/api/globals/announcement?depth=0', { token: marketerToken })
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const proc = startProcess('Site instance with its clock 30 s behind', nextStartArgs(webDir, port), {
    cwd: webDir,
    env: siteInstanceEnv({ cmsUrl, siteUrl: url, revalidateSecret, previewSecret }, { REDIS_URL: '', FRONT_CACHE_URL: '', LD_PRELOAD: fakeTime, FAKETIME: `-${skewMs / 1000}s` }),
    logFile: path.join(logDir, 'site-clock-behind.log'),
  })
  site = { url, proc }
  await waitUntilAnswering(proc, `${url}/robots.txt`, 180_000)
}, 240_000)

afterAll(async () => {
  if (announcementBefore) {
    const { enabled, text, linkLabel, linkUrl, startsAt, endsAt } = announcementBefore
    await cmsJson(cmsUrl, '/api/globals/announcement', { method: 'POST', token: marketerToken, body: { enabled, text, linkLabel, linkUrl, startsAt, endsAt } })
  }
  await site?.proc.stop()
})

describe('a site without a front cache', () => {
  // This instance has none: after a purge it renders the purged pages itself at once
  // (lib/front-cache/refresh.mjs), so a visitor's first request gets the cached copy, with the
  // framework's scripts after paint, not the render as Next.js streams it (scripts in <head>).
  test('the first visit after a purge gets the copy the site rendered at once, scripts after paint', async () => {
    const article = '/articles/sciatica-and-massage'
    await get(`${site!.url}${article}`)
    expect((await get(`${site!.url}${article}`)).headers.get('x-nextjs-cache')).toBe('HIT')
    await purgeBanner()
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const first = await get(`${site!.url}${article}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-nextjs-cache'), 'the first visit after the purge').toBe('HIT')
    expect(frameworkScriptsInHead(first.body)).toEqual([])
    expect(first.body).toContain('self.__clinicLoadApp')
  })
})

describe('an announcement on a site instance whose clock runs behind the CMS’s', () => {
  test('appears after its start and goes after its end, as the CMS’s clock says', async () => {
    // The clock really is behind (the site answers its time with a purge).
    const skew = Date.now() - (await purgeBanner())
    expect(skew).toBeGreaterThan(skewMs - 5_000)

    // A window of 40 s, opening 15 s from now by the CMS's clock. By this instance's clock it opens
    // 45 s from now, and at its end it is still open (10 s in).
    const now = Date.now()
    const text = `Clock check ${now.toString(36)}`
    const [startsAt, endsAt] = [now + 15_000, now + 55_000]
    await cmsJson(cmsUrl, '/api/globals/announcement', {
      method: 'POST',
      token: marketerToken,
      body: { enabled: true, text, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() },
    })
    await purgeBanner()
    expect(bannerOf((await get(`${site!.url}${page}`)).body), 'before the start').toBeUndefined()

    await sleepUntil(startsAt + 500)
    await purgeBanner()
    expect(bannerOf((await get(`${site!.url}${page}`)).body) ?? '(no banner)', 'after the start (this instance’s clock: 29.5 s before it)').toContain(text)

    await sleepUntil(endsAt + 500)
    await purgeBanner()
    expect(bannerOf((await get(`${site!.url}${page}`)).body), 'after the end (this instance’s clock: 10.5 s into the window)').toBeUndefined()
  }, 120_000)
})
