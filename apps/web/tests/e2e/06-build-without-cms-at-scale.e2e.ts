import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deferAppScripts } from '../../src/lib/html/defer-app-scripts.mjs'
import { e2e } from './support/context'
import {
  cmsDir,
  freePort,
  nextStartArgs,
  runToCompletion,
  startProcess,
  waitUntilAnswering,
  webDir,
  type ManagedProcess,
} from './support/servers'
import { get } from './support/site'

// Its own CMS and site, apart from the shared stack:
// - the site runs its own build (the one extra build of the suite), made while no CMS answers, as
//   in CI or a container image. The shared site cannot serve here: its pages have been rendered
//   against the CMS already, and Next.js writes those renders back into the build's folder;
// - the CMS has the demo content plus 10,000 published articles (a clinic's archive grown large),
//   which would change the lists the other specs check.
const { logDir } = e2e()
const articleCount = 10_000
const distDir = '.next/no-cms'
const tmp = mkdtempSync(path.join(tmpdir(), 'clinic-scale-'))
const processes: ManagedProcess[] = []
let siteUrl = ''

const secret = () => randomBytes(24).toString('hex')

async function buildWithoutCms(): Promise<void> {
  // A port nothing listens on: every read of the build fails at once, as with a CMS that is down.
  const deadCms = `http://127.0.0.1:${await freePort()}`
  // `next build` points next-env.d.ts at its own output folder: put the file back afterwards.
  const nextEnvFile = path.join(webDir, 'next-env.d.ts')
  const nextEnv = existsSync(nextEnvFile) ? readFileSync(nextEnvFile, 'utf8') : undefined
  try {
    const output = await runToCompletion('The site build without a CMS', [path.join(webDir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: webDir,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir, CMS_URL: deadCms },
      timeout: 480_000,
    })
    writeFileSync(path.join(logDir, 'build-without-cms.log'), output)
  } finally {
    if (nextEnv !== undefined) writeFileSync(nextEnvFile, nextEnv)
  }
}

async function seedArchive(cmsEnv: NodeJS.ProcessEnv): Promise<void> {
  const run = (name: string, args: string[]) =>
    runToCompletion(name, [path.join(cmsDir, 'scripts', 'run-ts.mjs'), ...args], {
      cwd: cmsDir,
      env: { ...cmsEnv, NODE_ENV: 'production', SEED_ADMIN_EMAIL: 'admin@scale.example', SEED_ADMIN_PASSWORD: secret() },
      timeout: 300_000,
    })
  const seeded = await run('The seed (apps/cms)', ['src/seed/run.ts'])
  const added = await run('Adding the archive articles (apps/cms scripts/add-archive-articles.ts)', [
    'scripts/add-archive-articles.ts',
    `--count=${articleCount}`,
  ])
  writeFileSync(path.join(logDir, 'scale-seed.log'), `${seeded}\n${added}`)
}

beforeAll(async () => {
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const cmsUrl = `http://127.0.0.1:${cmsPort}`
  siteUrl = `http://127.0.0.1:${sitePort}`
  const revalidateSecret = secret()
  const previewSecret = secret()
  const cmsEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: secret(),
    DATABASE_URI: `file:${path.join(tmp, 'scale.db')}`,
    MEDIA_DIR: path.join(tmp, 'media'),
    CMS_URL: cmsUrl,
    SITE_URL: siteUrl,
    SITE_REVALIDATE_SECRET: revalidateSecret,
    SITE_PREVIEW_SECRET: previewSecret,
    SEED_ON_START: 'false',
  }
  await Promise.all([buildWithoutCms(), seedArchive(cmsEnv)])

  const cms = startProcess('The CMS with 10,000 articles', nextStartArgs(cmsDir, cmsPort), {
    cwd: cmsDir,
    env: { ...cmsEnv, NODE_ENV: 'production' },
    logFile: path.join(logDir, 'scale-cms.log'),
  })
  processes.push(cms)
  const site = startProcess('The site built without a CMS', nextStartArgs(webDir, sitePort), {
    cwd: webDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: distDir,
      CMS_URL: cmsUrl,
      SITE_URL: siteUrl,
      REVALIDATE_SECRET: revalidateSecret,
      PREVIEW_SECRET: previewSecret,
    },
    logFile: path.join(logDir, 'scale-site.log'),
  })
  processes.push(site)
  await Promise.all([waitUntilAnswering(cms, `${cmsUrl}/api/users/me`, 180_000), waitUntilAnswering(site, `${siteUrl}/robots.txt`, 180_000)])
}, 900_000)

afterAll(async () => {
  await Promise.all(processes.map((proc) => proc.stop()))
  rmSync(tmp, { recursive: true, force: true })
})

const archiveSlugs = (html: string) => [...html.matchAll(/\/articles\/(archive-article-\d+)/g)].map((match) => match[1]!)

describe('a site built while the CMS was down', () => {
  test('renders the home page from the CMS on its first request, then serves it from its cache', async () => {
    const first = await get(`${siteUrl}/`)
    expect(first.status).toBe(200)
    // The CMS's content (its latest articles), not the empty page the build made: no visitor sees that one.
    expect(first.body).toContain('href="/articles/sciatica-and-massage"')
    expect(first.headers.get('x-nextjs-cache')).not.toBe('HIT')

    const second = await get(`${siteUrl}/`)
    expect(second.status).toBe(200)
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(second.body).toContain('href="/articles/sciatica-and-massage"')
  })

  test('no route without params stays rendered per request: each is cached after its first request', async () => {
    for (const route of ['/services', '/exercises', '/team', '/feed.xml']) {
      const first = await get(`${siteUrl}${route}`)
      expect(first.status, route).toBe(200)
      const second = await get(`${siteUrl}${route}`)
      expect(second.status, route).toBe(200)
      expect(second.headers.get('x-nextjs-cache'), route).toBe('HIT')
      // The same page, not a new render: the cache keeps the first render, served with its
      // framework scripts deferred (src/lib/html/defer-app-scripts.mjs; the feed is not HTML).
      expect(second.body, route).toBe(deferAppScripts(first.body))
    }
  })
})

describe(`with ${articleCount.toLocaleString('en')} published articles`, () => {
  test('the sitemap lists every one of them', async () => {
    const sitemap = await get(`${siteUrl}/sitemap.xml`)
    expect(sitemap.status).toBe(200)
    const listed = new Set([...sitemap.body.matchAll(/<loc>[^<]*\/articles\/(archive-article-\d+)<\/loc>/g)].map((match) => match[1]))
    expect(listed.size).toBe(articleCount)
    expect((await get(`${siteUrl}/sitemap.xml`)).headers.get('x-nextjs-cache')).toBe('HIT')
  })

  test('/articles pages through all of them with plain links, newest first', async () => {
    const first = await get(`${siteUrl}/articles`)
    expect(first.status).toBe(200)
    // Newest first: the article published last comes first.
    expect(archiveSlugs(first.body)[0]).toBe(`archive-article-${articleCount}`)
    const pageNumbers = [...first.body.matchAll(/href="\/articles\/page\/(\d+)"/g)].map((match) => Number(match[1]))
    const last = Math.max(...pageNumbers)
    expect(first.body).toMatch(/<a href="\/articles\/page\/2" rel="next"/)

    const seen = new Set(archiveSlugs(first.body))
    const pages = Array.from({ length: last - 1 }, (_, index) => index + 2)
    // A few at a time, as a crawler would; every page but the last links to the next one.
    for (let start = 0; start < pages.length; start += 4) {
      await Promise.all(
        pages.slice(start, start + 4).map(async (n) => {
          const page = await get(`${siteUrl}/articles/page/${n}`)
          expect(page.status, `page ${n}`).toBe(200)
          if (n < last) expect(page.body, `page ${n}`).toContain(`href="/articles/page/${n + 1}" rel="next"`)
          for (const slug of archiveSlugs(page.body)) seen.add(slug)
        }),
      )
    }
    expect(seen.size).toBe(articleCount)
    expect((await get(`${siteUrl}/articles/page/${last + 1}`)).status).toBe(404)
  })
})
