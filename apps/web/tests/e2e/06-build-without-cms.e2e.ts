import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cmsJson } from './support/cms'
import { e2e } from './support/context'
import { freePort, nextStartArgs, runToCompletion, startProcess, waitUntilAnswering, webDir, type ManagedProcess } from './support/servers'
import { get, h1Of } from './support/site'

// Its own site server, from its own build (the one extra build of the suite): a build made while
// no CMS answers, as in CI or a container image. The shared site cannot serve here: whatever
// build it runs, its pages have been rendered against the CMS already, and Next.js writes those
// renders back into the build's folder.
const { cmsUrl, revalidateSecret, previewSecret, logDir } = e2e()
const distDir = '.next/no-cms'

let site: ManagedProcess | undefined
let siteUrl = ''
let clinicName = ''

beforeAll(async () => {
  const settings = await cmsJson<{ clinicName: string }>(cmsUrl, '/api/globals/site-settings')
  clinicName = settings.clinicName
  // A port nothing listens on: every read of the build fails at once, as with a CMS that is down.
  const deadCms = `http://127.0.0.1:${await freePort()}`
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir }

  // `next build` points next-env.d.ts at its own output folder: put the file back afterwards.
  const nextEnvFile = path.join(webDir, 'next-env.d.ts')
  const nextEnv = existsSync(nextEnvFile) ? readFileSync(nextEnvFile, 'utf8') : undefined
  try {
    const output = await runToCompletion('The site build without a CMS', [path.join(webDir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: webDir,
      env: { ...env, CMS_URL: deadCms },
      timeout: 420_000,
    })
    writeFileSync(path.join(logDir, 'build-without-cms.log'), output)
  } finally {
    if (nextEnv !== undefined) writeFileSync(nextEnvFile, nextEnv)
  }

  const port = await freePort()
  siteUrl = `http://127.0.0.1:${port}`
  site = startProcess('The site built without a CMS', nextStartArgs(webDir, port), {
    cwd: webDir,
    env: { ...env, CMS_URL: cmsUrl, SITE_URL: siteUrl, REVALIDATE_SECRET: revalidateSecret, PREVIEW_SECRET: previewSecret },
    logFile: path.join(logDir, 'site-built-without-cms.log'),
  })
  await waitUntilAnswering(site, `${siteUrl}/robots.txt`, 120_000)
}, 600_000)

afterAll(async () => {
  await site?.stop()
})

describe('a site built while the CMS was down', () => {
  test('renders the home page from the CMS on its first request, then serves it from its cache', async () => {
    const first = await get(`${siteUrl}/`)
    expect(first.status).toBe(200)
    // The CMS's content, not the empty page the build made: the first visitor never sees that one.
    expect(h1Of(first.body)).toBe(clinicName)
    expect(first.headers.get('x-nextjs-cache')).not.toBe('HIT')

    const second = await get(`${siteUrl}/`)
    expect(second.status).toBe(200)
    expect(h1Of(second.body)).toBe(clinicName)
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT')
  })

  test('every route without params is cached after its first request, none stays rendered per request', async () => {
    for (const route of ['/articles', '/services', '/exercises', '/team', '/sitemap.xml', '/feed.xml']) {
      const first = await get(`${siteUrl}${route}`)
      expect(first.status, route).toBe(200)
      const second = await get(`${siteUrl}${route}`)
      expect(second.status, route).toBe(200)
      expect(second.headers.get('x-nextjs-cache'), route).toBe('HIT')
      expect(second.body, route).toBe(first.body)
    }
    // The sitemap lists the CMS's documents, not just the fixed routes the empty build had.
    expect((await get(`${siteUrl}/sitemap.xml`)).body).toContain('/articles/sciatica-and-massage</loc>')
  })
})
