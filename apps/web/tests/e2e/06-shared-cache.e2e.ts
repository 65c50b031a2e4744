import path from 'node:path'
import { collectionTag, documentTag, revalidateSecretHeader } from '@clinic/cms-types'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cmsJson, docBySlug, login } from './support/cms'
import { e2e } from './support/context'
import { startRedis, type RedisServer } from './support/redis'
import { freePort, nextStartArgs, startProcess, waitFor, waitUntilAnswering, webDir, type ManagedProcess } from './support/servers'
import { get, h1Of } from './support/site'

// Two more site servers (the regular build) sharing one Redis, behind which a deployment would put
// its load balancer; the CMS is the shared one. They need their own processes: REDIS_URL is read
// at start.
const { cmsUrl, editor, revalidateSecret, previewSecret, logDir } = e2e()
const slug = 'sciatica-and-massage'
const articlePath = `/articles/${slug}`
let redis: RedisServer | undefined
const sites: { url: string; proc: ManagedProcess }[] = []
let token = ''
let article: { id: number | string; title?: string }

beforeAll(async () => {
  redis = await startRedis()
  for (const name of ['a', 'b']) {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const proc = startProcess(`Site instance ${name} (Redis cache)`, nextStartArgs(webDir, port), {
      cwd: webDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        CMS_URL: cmsUrl,
        SITE_URL: url,
        REVALIDATE_SECRET: revalidateSecret,
        PREVIEW_SECRET: previewSecret,
        REDIS_URL: redis.url,
      },
      logFile: path.join(logDir, `site-redis-${name}.log`),
    })
    sites.push({ url, proc })
  }
  await Promise.all(sites.map(({ url, proc }) => waitUntilAnswering(proc, `${url}/robots.txt`, 180_000)))
  token = await login(cmsUrl, editor.email, editor.password)
  article = await docBySlug(cmsUrl, 'articles', slug)
}, 300_000)

afterAll(async () => {
  if (article?.title) {
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title: article.title, _status: 'published' } })
  }
  await Promise.all(sites.map(({ proc }) => proc.stop()))
  await redis?.stop()
})

describe('several site instances, one cache (Redis)', () => {
  const [a, b] = [() => sites[0]!.url, () => sites[1]!.url]

  test('a page rendered by one instance is served from the cache by the other', async () => {
    const rendered = await get(`${a()}${articlePath}`)
    expect(rendered.status).toBe(200)
    const other = await get(`${b()}${articlePath}`)
    expect(other.status).toBe(200)
    expect(other.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(h1Of(other.body)).toBe(h1Of(rendered.body))
  })

  test('one publish, purged through one instance, shows on both without a restart', async () => {
    const title = `Sciatica and massage (shared cache ${Date.now()})`
    await cmsJson(cmsUrl, `/api/articles/${article.id}`, { method: 'PATCH', token, body: { title, _status: 'published' } })
    // What the CMS sends after a publish, here through instance a only (as through a load balancer).
    const purge = await fetch(`${a()}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [revalidateSecretHeader]: revalidateSecret },
      body: JSON.stringify({ tags: [collectionTag('articles'), documentTag('articles', slug)] }),
    })
    expect(purge.status).toBe(200)
    for (const site of [b(), a()]) {
      await waitFor(async () => h1Of((await get(`${site}${articlePath}`)).body) === title, {
        timeout: 10_000,
        interval: 100,
        message: `${site} did not show the published title`,
      })
    }
  })
})
