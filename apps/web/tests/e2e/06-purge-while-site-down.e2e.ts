import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createArticle, uniqueSlug, type CreatedArticle } from './support/articles'
import { cmsJson, login } from './support/cms'
import { e2e } from './support/context'
import { cmsDir, freePort, nextStartArgs, siteInstanceEnv, startProcess, waitFor, waitUntilAnswering, webDir, type ManagedProcess } from './support/servers'
import { get, h1Of } from './support/site'

// A publish made while the site instance the CMS tells is down (a deploy, a crash) shows once the site
// is back. The site keeps pages until the CMS names their tags, in the Redis its instances share, so a
// purge that never arrived left the old page up for good, though the editor saw "Published". Here a
// second CMS (on the shared database) tells the site instance the front cache lists second (sharing
// the Redis, configured like the first), which is killed before the publish and started again after it.
const { cmsUrl, siteUrl, secondSiteUrl, frontUrl, redisUrl, revalidateSecret, previewSecret, editor, logDir, cmsEnv } = e2e()

/** The CMS calls again 15 s after the write, then 30 s later: allow the restart and two attempts. */
const backWithinMs = 60_000

let cms: { url: string; proc: ManagedProcess } | undefined
let site: { url: string; port: number; proc: ManagedProcess } | undefined
let article: CreatedArticle | undefined
let token = ''

function startSite(port: number, run: number): ManagedProcess {
  return startProcess(`Site instance told by the second CMS (run ${run})`, nextStartArgs(webDir, port), {
    cwd: webDir,
    env: siteInstanceEnv({ cmsUrl, siteUrl, revalidateSecret, previewSecret }, { REDIS_URL: redisUrl, TRUSTED_PROXY: '1', FRONT_CACHE_URL: frontUrl }),
    logFile: path.join(logDir, `site-purge-while-down-${run}.log`),
  })
}

beforeAll(async () => {
  // The port the front cache lists as its second instance (free until 06-shared-cache starts one).
  const sitePort = Number(new URL(secondSiteUrl).port)
  const siteAddress = secondSiteUrl
  site = { url: siteAddress, port: sitePort, proc: startSite(sitePort, 1) }
  const cmsPort = await freePort()
  const url = `http://127.0.0.1:${cmsPort}`
  const proc = startProcess('A second CMS on the same database', nextStartArgs(cmsDir, cmsPort), {
    cwd: cmsDir,
    env: { ...process.env, ...cmsEnv, CMS_URL: url, SITE_URL: siteAddress },
    logFile: path.join(logDir, 'cms-purge-while-site-down.log'),
  })
  cms = { url, proc }
  await Promise.all([waitUntilAnswering(proc, `${url}/api/health/ready`, 180_000), waitUntilAnswering(site.proc, `${siteAddress}/robots.txt`, 180_000)])
  token = await login(url, editor.email, editor.password)
}, 300_000)

afterAll(async () => {
  if (article) await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'DELETE', token: await login(cmsUrl, editor.email, editor.password) }).catch(() => undefined)
  await cms?.proc.stop()
  await site?.proc.stop()
})

/** Polls `url` until its heading is `title`, within `ms`; the message names what was last seen. */
async function showsTitle(where: string, url: string, title: string, ms: number) {
  let last = ''
  await waitFor(
    async () => {
      const page = await get(url)
      last = `${page.status} "${h1Of(page.body) ?? ''}"`
      return page.status === 200 && h1Of(page.body) === title
    },
    { timeout: ms, interval: 250, message: `${where}: ${url} did not show "${title}" within ${ms} ms` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer: ${last}`)
  })
}

describe('a publish while the site the CMS tells is down', () => {
  test('shows on the site, every instance and through the front cache once the site is back', async () => {
    const slug = uniqueSlug('while-down')
    article = await createArticle(cms!.url, token, { title: 'Before the site went down', slug, status: 'published' })
    const pagePath = `/articles/${slug}`
    // Cached everywhere with its first title.
    await showsTitle('the instance the second CMS tells', `${site!.url}${pagePath}`, article.title, 10_000)
    await showsTitle('the other instance', `${siteUrl}${pagePath}`, article.title, 10_000)
    await showsTitle('the front cache', `${frontUrl}${pagePath}`, article.title, 10_000)

    // The site goes down (a crash, or a deploy restarting it), and an editor publishes meanwhile.
    site!.proc.killNow()
    await site!.proc.stop()
    const title = `Published while the site was down ${Date.now().toString(36)}`
    const saved = await cmsJson<{ doc: { title: string; _status: string } }>(cms!.url, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title, _status: 'published' } })
    expect(saved.doc).toMatchObject({ title, _status: 'published' })

    // The site comes back on its address. What it serves comes from the shared cache, which still
    // holds the old page until the purge reaches it.
    site!.proc = startSite(site!.port, 2)
    await waitUntilAnswering(site!.proc, `${site!.url}/robots.txt`, 180_000)
    const back = Date.now()
    await showsTitle('the instance the second CMS tells, back', `${site!.url}${pagePath}`, title, backWithinMs)
    await showsTitle('the other instance', `${siteUrl}${pagePath}`, title, 10_000)
    await showsTitle('the front cache', `${frontUrl}${pagePath}`, title, 10_000)
    console.log(`[e2e] the publish made while the site was down showed ${Math.round((Date.now() - back) / 1000)} s after the site was back`)
  }, 300_000)
})
