#!/usr/bin/env node
// The site's performance benchmark (issue 3, "Performance budget"). It prints figures; it asserts
// nothing and is not part of `pnpm test`.
//
//   pnpm bench                          (from the root: turbo runs this in apps/web)
//   node bench/run.mjs [options]        (from apps/web)
//     --lighthouse-runs=N   Lighthouse runs per page, the median is kept (default 3; 0 skips Lighthouse)
//     --publish-runs=N      publish → visible samples (default 20; 0 skips)
//     --json=FILE           also write every figure as JSON
//     --keep                leave both servers running until Ctrl-C (for looking around)
//
// It needs the CMS's production build (`pnpm build` at the root). It makes its own production
// build of the site in apps/web/.next/bench (git-ignored), against the CMS it started: the site's
// image allow-list is fixed from CMS_URL at build time, and building against a live CMS is how the
// site is deployed (pages prerendered at build, then kept until the CMS purges their tags).
// The CMS runs on a fresh seeded SQLite database in a temporary folder; both apps listen on free
// loopback ports and are stopped by their PIDs whatever happens.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { auditMedian, startChromium } from './lib/lighthouse.mjs'
import { pageWeight } from './lib/page-weight.mjs'
import { freePort, run, start, stopAll, waitUntilUp } from './lib/processes.mjs'
import { login, publishLatency } from './lib/publish.mjs'
import { searchLatency } from './lib/search.mjs'

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cmsDir = path.resolve(webDir, '../cms')
// Inside .next: git-ignored, skipped by lint and type-check, and wiped by a regular `next build`
// (the benchmark rebuilds it every time anyway).
const distDir = '.next/bench'

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=')
    return [key, value]
  }),
)
const lighthouseRuns = Number(args['lighthouse-runs'] ?? 3)
const publishRuns = Number(args['publish-runs'] ?? 20)

const pages = [
  { name: 'home', path: '/', lighthouse: true },
  { name: 'article', path: '/articles/sciatica-and-massage', lighthouse: true },
  { name: 'service', path: '/services/deep-tissue-massage', lighthouse: true },
  { name: 'exercise', path: '/exercises/seated-sciatic-nerve-floss', lighthouse: true },
  { name: 'condition', path: '/conditions/sciatica', lighthouse: true },
  { name: 'articles', path: '/articles', lighthouse: false },
]

const log = (message) => console.log(`[bench] ${message}`)
const kb = (bytes) => (bytes / 1024).toFixed(1)

const workDir = mkdtempSync(path.join(tmpdir(), 'clinic-bench-'))
let chromium

async function cleanUp() {
  await chromium?.stop().catch(() => {})
  await stopAll()
  rmSync(workDir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUp().finally(() => process.exit(130))
  })
}

/** Asks for every file of every responsive image on the page, so the image optimiser's cache is warm. */
async function warmImages(siteUrl, pagePath) {
  const html = await (await fetch(new URL(pagePath, siteUrl))).text()
  const urls = new Set()
  for (const match of html.matchAll(/\s(?:srcSet|srcset|src)="([^"]*\/_next\/image[^"]*)"/g)) {
    for (const candidate of match[1].split(',')) urls.add(candidate.trim().split(/\s+/)[0].replaceAll('&amp;', '&'))
  }
  for (const url of urls) {
    for (const accept of ['image/avif,image/webp,*/*', 'image/webp,*/*']) {
      await fetch(new URL(url, siteUrl), { headers: { Accept: accept } }).then((r) => r.arrayBuffer())
    }
  }
}

async function main() {
  if (!existsSync(path.join(cmsDir, '.next', 'BUILD_ID'))) {
    throw new Error('The CMS has no production build: run `pnpm build` at the root first.')
  }
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const cmsUrl = `http://127.0.0.1:${cmsPort}`
  const siteUrl = `http://127.0.0.1:${sitePort}`
  const revalidateSecret = randomBytes(24).toString('hex')
  const previewSecret = randomBytes(24).toString('hex')
  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') }
  const cmsEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: `file:${path.join(workDir, 'clinic.db')}`,
    MEDIA_DIR: path.join(workDir, 'media'),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SEED_ON_START: 'false',
    SEED_ADMIN_EMAIL: admin.email,
    SEED_ADMIN_PASSWORD: admin.password,
    CMS_URL: cmsUrl,
    SITE_URL: siteUrl,
    SITE_REVALIDATE_SECRET: revalidateSecret,
    SITE_PREVIEW_SECRET: previewSecret,
  }
  const siteEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    CMS_URL: cmsUrl,
    SITE_URL: siteUrl,
    REVALIDATE_SECRET: revalidateSecret,
    PREVIEW_SECRET: previewSecret,
  }
  const nextBin = (dir) => path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next')

  log(`seeding a fresh SQLite database in ${workDir}`)
  await run('seed', 'pnpm', ['seed'], { cwd: cmsDir, env: cmsEnv })

  log(`starting the CMS (production build) at ${cmsUrl}`)
  const cms = start('CMS', process.execPath, [nextBin(cmsDir), 'start', '--port', String(cmsPort), '--hostname', '127.0.0.1'], {
    cwd: cmsDir,
    env: cmsEnv,
  })
  await waitUntilUp(cms, `${cmsUrl}/api/users/me`)
  // The port was free when picked; make sure the server answering there is this one (its admin).
  await login(cmsUrl, admin.email, admin.password).catch((error) => {
    throw new Error(`${error.message}: is another server on port ${cmsPort}? CMS output:\n${cms.output().slice(-3000)}`)
  })

  log(`building the site against it (${path.join('apps/web', distDir)})`)
  const buildStarted = performance.now()
  // `next build` points next-env.d.ts at its own output folder: put the file back afterwards, so
  // type-checking keeps using the regular build's route types.
  const nextEnvFile = path.join(webDir, 'next-env.d.ts')
  const nextEnv = existsSync(nextEnvFile) ? readFileSync(nextEnvFile, 'utf8') : undefined
  try {
    await run('site build', process.execPath, [nextBin(webDir), 'build'], { cwd: webDir, env: siteEnv })
  } finally {
    if (nextEnv !== undefined) writeFileSync(nextEnvFile, nextEnv)
  }
  const buildSeconds = (performance.now() - buildStarted) / 1000

  log(`starting the site (production build) at ${siteUrl}`)
  const site = start('site', process.execPath, [nextBin(webDir), 'start', '--port', String(sitePort), '--hostname', '127.0.0.1'], {
    cwd: webDir,
    env: siteEnv,
  })
  await waitUntilUp(site, `${siteUrl}/robots.txt`)
  // Only this site knows the secret: an empty tag list is a 400 here, a 401 anywhere else.
  const identity = await fetch(`${siteUrl}/api/revalidate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-revalidate-secret': revalidateSecret },
    body: '{}',
  })
  if (identity.status !== 400) {
    throw new Error(`the server on port ${sitePort} is not this site (revalidate answered ${identity.status}). Site output:\n${site.output().slice(-3000)}`)
  }

  // First visits render what the build could not (dynamic routes) and fill the image cache.
  for (const page of pages) {
    for (let i = 0; i < 2; i += 1) await fetch(new URL(page.path, siteUrl)).then((r) => r.arrayBuffer())
    await warmImages(siteUrl, page.path)
  }

  log('measuring page weight')
  const weights = []
  for (const page of pages) weights.push({ name: page.name, ...(await pageWeight(siteUrl, page.path)) })

  const audits = {}
  if (lighthouseRuns > 0) {
    log(`running Lighthouse (${lighthouseRuns} run(s) per page, mobile preset)`)
    chromium = await startChromium()
    for (const page of pages.filter((p) => p.lighthouse)) {
      audits[page.name] = await auditMedian(new URL(page.path, siteUrl).toString(), chromium.port, lighthouseRuns)
    }
    await chromium.stop()
    chromium = undefined
  }

  let publish
  if (publishRuns > 0) {
    log(`measuring publish → visible (${publishRuns} runs)`)
    const token = await login(cmsUrl, admin.email, admin.password)
    publish = await publishLatency({
      cmsUrl,
      siteUrl,
      token,
      slug: 'sciatica-and-massage',
      pagePath: '/articles/sciatica-and-massage',
      runs: publishRuns,
    })
  }

  // The figures.
  console.log('')
  console.log(`Site build against the live CMS: ${buildSeconds.toFixed(0)} s`)
  console.log('')
  console.table(
    Object.fromEntries(
      weights.map((w) => [
        w.name,
        {
          path: w.path,
          'JS files': w.jsFiles,
          'JS gzip KB': Number(kb(w.jsGzip)),
          'JS raw KB': Number(kb(w.jsRaw)),
          'nomodule gzip KB': Number(kb(w.nomoduleGzip)),
          'HTML KB': Number(kb(w.htmlBytes)),
          'HTML gzip KB': Number(kb(w.htmlGzip)),
          'inline RSC KB': Number(kb(w.inlineRscBytes)),
          'JSON-LD KB': Number(kb(w.inlineJsonLdBytes)),
        },
      ]),
    ),
  )
  console.log('Cache-Control per page:')
  for (const w of weights) console.log(`  ${w.path.padEnd(40)} ${w.cacheControl}`)
  if (Object.keys(audits).length > 0) {
    console.log('')
    console.log(`Lighthouse 12, mobile preset (median of ${lighthouseRuns} by performance):`)
    console.table(
      Object.fromEntries(
        Object.entries(audits).map(([name, a]) => [
          name,
          {
            performance: a.scores.performance,
            'perf range': a.performanceRange.join('–'),
            accessibility: a.scores.accessibility,
            'best-practices': a.scores['best-practices'],
            seo: a.scores.seo,
            'LCP ms': a.lcpMs,
            'FCP ms': a.fcpMs,
            'TBT ms': a.tbtMs,
            CLS: Number(a.cls.toFixed(3)),
          },
        ]),
      ),
    )
    for (const [name, a] of Object.entries(audits)) {
      if (a.flagged.length > 0) console.log(`  ${name}: lost points on ${a.flagged.join('; ')}`)
      if (a.lcpElement) console.log(`  ${name}: LCP element ${a.lcpElement.slice(0, 140)}`)
    }
  }
  if (publish) {
    console.log('')
    console.log(
      `Publish → visible (PATCH title as staff → CMS hook → /api/revalidate → page shows it), ${publish.runs} runs: ` +
        `p50 ${publish.p50.toFixed(0)} ms, p95 ${publish.p95.toFixed(0)} ms, max ${publish.max.toFixed(0)} ms ` +
        `(the PATCH itself: p50 ${publish.patchP50.toFixed(0)} ms)`,
    )
  }
  await searchLatency()
  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ buildSeconds, weights, audits, publish }, null, 2))
    log(`figures written to ${args.json}`)
  }

  if (args.keep) {
    log(`servers left running: CMS ${cmsUrl} (admin ${admin.email} / ${admin.password}), site ${siteUrl}. Ctrl-C stops them.`)
    await new Promise(() => {})
  }
}

try {
  await main()
  await cleanUp()
} catch (error) {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`)
  await cleanUp()
  process.exitCode = 1
}
