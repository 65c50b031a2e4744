#!/usr/bin/env node
// The site's performance benchmark (issue 3, "Performance budget"). It prints figures; it asserts
// nothing and is not part of `pnpm test`.
//
//   pnpm bench                          (from the root: turbo runs this in apps/web)
//   node bench/run.mjs [options]        (from apps/web)
//     --lighthouse-runs=N   Lighthouse runs per page, the median is kept (default 3; 0 skips Lighthouse)
//     --publish-runs=N      publish → visible samples (default 20, and at least 50 through the
//                           front cache; 0 skips)
//     --json=FILE           also write every figure as JSON
//     --keep                leave both servers running until Ctrl-C (for looking around)
//     --site-log=FILE       write the site's output (its last 200 kB) to FILE at the end
//     --front=nginx|varnish|varnish-purge
//                           the front cache measured (default nginx, the shipped one). varnish:
//                           Varnish 7 with xkey (deploy/varnish, measured, not shipped): the site
//                           purges by tag, then refills the purged pages; varnish-purge: purge only
//     --varnish-params=A,B[;C,D…]
//                           varnishd -p settings, one set per `;` (default thread_pools=1): the first
//                           is measured fully, each other one for throughput only
//
// It needs the CMS's production build (`pnpm build` at the root). It makes its own production
// build of the site in apps/web/.next/bench (git-ignored), against the CMS it started: the site's
// image allow-list is fixed from CMS_URL at build time, and building against a live CMS is how the
// site is deployed (pages prerendered at build, then kept until the CMS purges their tags).
// The CMS runs on a fresh seeded SQLite database in a temporary folder; both apps listen on free
// loopback ports and are stopped by their PIDs whatever happens.
import { randomBytes } from 'node:crypto'
import { get as httpGet } from 'node:http'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { auditMedian, startChromium } from './lib/lighthouse.mjs'
import { pageWeight } from './lib/page-weight.mjs'
import { freePort, run, start, stopAll, waitUntilUp } from './lib/processes.mjs'
import { login, percentile, publishLatency } from './lib/publish.mjs'
import { searchLatency } from './lib/search.mjs'
import { hasWrk, medianByRps, rssMb, wrk, wrkPath } from './lib/load.mjs'
import { printScale, restAtScale } from './lib/scale.mjs'
import { startStaticNginx } from './lib/static-nginx.mjs'
import { nginxPath, startFrontCache } from '../../../deploy/nginx/front-cache.mjs'
import { defaultParams as varnishDefaultParams, startVarnishFrontCache, varnishdPath } from '../../../deploy/varnish/front-cache.mjs'

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cmsDir = path.resolve(webDir, '../cms')
// Inside .next: git-ignored, skipped by lint and type-check, and wiped by a regular `next build`
// (the benchmark rebuilds it every time anyway).
const distDir = '.next/bench'

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    // The value is everything after the first `=` (--varnish-params=thread_pools=1).
    const [key, ...rest] = arg.replace(/^--/, '').split('=')
    return [key, rest.length > 0 ? rest.join('=') : 'true']
  }),
)
const lighthouseRuns = Number(args['lighthouse-runs'] ?? 3)
const publishRuns = Number(args['publish-runs'] ?? 20)
const wrkSeconds = Number(args['wrk-seconds'] ?? 10)
const soakRequests = Number(args['soak-requests'] ?? 50_000)
const skip = new Set(String(args.skip ?? '').split(',').filter(Boolean))
const frontKind = String(args.front ?? 'nginx')
if (!['nginx', 'varnish', 'varnish-purge'].includes(frontKind)) throw new Error('--front must be nginx, varnish or varnish-purge')
const isVarnish = frontKind !== 'nginx'
/** varnishd -p sets (besides http_gzip_support=off, always): the first one is measured fully. */
const varnishSettings = String(args['varnish-params'] ?? 'thread_pools=1')
  .split(';')
  // Within a set, a comma starts a new parameter only before `name=` (vsl_mask's value has commas).
  .map((set) => set.split(/,(?=\s*[a-z_]+=)/).map((param) => param.trim()).filter(Boolean))
  .filter((set) => set.length > 0)
const varnishParams = (set) => [...varnishDefaultParams.filter((param) => !set.some((own) => own.split('=')[0] === param.split('=')[0])), ...set]
/** The front cache measured, as the tables name it. */
const frontName = isVarnish ? `Varnish+xkey (${frontKind === 'varnish' ? 'purge by tag, then refill' : 'purge by tag only'}; ${varnishSettings[0]?.join(' ') ?? 'defaults'})` : 'shipped nginx'

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

/** A GET without Accept-Encoding (what wrk sends): its body and headers. */
function plainGet(url) {
  return new Promise((resolve, reject) => {
    httpGet(url, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () => resolve({ body: Buffer.concat(chunks), headers: response.headers }))
    }).on('error', reject)
  })
}

/**
 * Where the time of a publish → visible through the front cache goes: each run's PATCH matched with
 * the site's trace of the purge it caused (FRONT_CACHE_TRACE), medians and p95 of each step, ms.
 */
function publishSteps(timeline, siteOutput) {
  const traces = [...siteOutput.matchAll(/\[front-cache\] trace received=(\d+) start=(\d+) paths=(\d+) rendered=(\d+|-) refreshed=(\d+)/g)].map((m) => ({
    received: Number(m[1]),
    start: Number(m[2]),
    paths: Number(m[3]),
    rendered: m[4] === '-' ? Number(m[3]) : Number(m[4]),
    refreshed: Number(m[5]),
  }))
  const steps = {
    'PATCH sent → /api/revalidate received': [],
    'received → refresh started (route answered, after())': [],
    'started → paths known (tag record)': [],
    'paths → changed page re-rendered by the site': [],
    [isVarnish ? (frontKind === 'varnish' ? 'rendered → purged by tag, both encodings refilled' : 'rendered → purged by tag') : 'rendered → both encodings stored in nginx']: [],
    'stored → the poll sees it': [],
    'PATCH answered (by the CMS) after sent': [],
  }
  for (const run of timeline) {
    const trace = traces.find((t) => t.received >= run.startedAt && t.refreshed <= run.seenAt + 5)
    if (!trace) continue
    const values = [
      trace.received - run.startedAt,
      trace.start - trace.received,
      trace.paths - trace.start,
      trace.rendered - trace.paths,
      trace.refreshed - trace.rendered,
      run.seenAt - trace.refreshed,
      run.answeredAt - run.startedAt,
    ]
    Object.values(steps).forEach((list, i) => list.push(values[i]))
  }
  const rows = {}
  for (const [step, values] of Object.entries(steps)) {
    if (values.length > 0) rows[step] = { runs: values.length, p50_ms: percentile(values, 50), p95_ms: percentile(values, 95), max_ms: Math.max(...values) }
  }
  return rows
}

async function main() {
  if (!existsSync(path.join(cmsDir, '.next', 'BUILD_ID'))) {
    throw new Error('The CMS has no production build: run `pnpm build` at the root first.')
  }
  const [cmsPort, sitePort, frontPort] = [await freePort(), await freePort(), await freePort()]
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
    // As deployed behind the shipped front cache: the site refreshes its copies after a purge, and
    // trusts the one X-Forwarded-For entry nginx appends.
    FRONT_CACHE_URL: `${isVarnish ? `${frontKind}+` : ''}http://127.0.0.1:${frontPort}`,
    TRUSTED_PROXY: '1',
  }
  const nextBin = (dir) => path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next')
  // The memory settings of the site's `pnpm start` (apps/web/package.json; README "Production"),
  // for `next start` only: a build needs more heap than a server.
  const siteRuntimeEnv = {
    MALLOC_ARENA_MAX: '2',
    MALLOC_MMAP_THRESHOLD_: '131072',
    MALLOC_TRIM_THRESHOLD_: '131072',
    // One line per purge with the timeline of its first page (apps/web/src/lib/front-cache/refresh.mjs).
    FRONT_CACHE_TRACE: '1',
    NODE_OPTIONS: `--max-old-space-size=384 --max-semi-space-size=4 ${process.env.NODE_OPTIONS ?? ''}`.trim(),
  }

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
    env: { ...siteEnv, ...siteRuntimeEnv },
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

  const missing = []
  if (!hasWrk()) missing.push(`wrk (${wrkPath}; Debian package wrk)`)
  if (!existsSync(nginxPath)) missing.push(`nginx (${nginxPath}; Debian package nginx)`)
  if (isVarnish && !existsSync(varnishdPath)) missing.push(`varnishd (${varnishdPath}; Debian packages varnish varnish-modules)`)
  const canLoad = missing.length === 0
  const throughput = []
  const publishVia = {}
  let noCms
  let memory
  let scale
  const modules = {}
  /** --front=varnish: throughput of each further varnishd setting. */
  const varnishRounds = []

  if (canLoad && !skip.has('throughput')) {
    log(`throughput: wrk -c 32, ${wrkSeconds} s each: the site alone, behind the front cache (${frontName}), nginx serving the same bytes`)
    const startFront = (set = varnishSettings[0] ?? []) =>
      isVarnish ? startVarnishFrontCache({ siteUrl, port: frontPort, refreshSecret: revalidateSecret, params: varnishParams(set) }) : startFrontCache({ siteUrl, cmsUrl, port: frontPort, refreshSecret: revalidateSecret })
    let shipped = await startFront()
    const loadPages = pages.filter((page) => ['home', 'article', 'articles'].includes(page.name))
    if (isVarnish) {
      // The purge is by tag: the site's pages must carry them (Surrogate-Key), or only the refill
      // (which names paths) would replace the page and the figures would not be Varnish's.
      const direct = await plainGet(new URL(pages[1].path, siteUrl))
      const keys = direct.headers['surrogate-key']
      if (typeof keys !== 'string' || !keys.includes('collection:articles')) throw new Error(`the site sends no Surrogate-Key with collection:articles for ${pages[1].path} (got ${keys})`)
      log(`the site's Surrogate-Key for ${pages[1].path}: ${keys}`)
    }
    // The ceiling serves exactly what the front cache sends a client without gzip (wrk): the
    // cached copy's body and its headers (all but those nginx writes itself for a file).
    const files = {}
    for (const page of loadPages) {
      await plainGet(new URL(page.path, shipped.url))
      files[page.path] = await plainGet(new URL(page.path, shipped.url))
      if (files[page.path].headers['x-cache-status'] !== 'HIT') throw new Error(`${page.path} is not in the front cache after two visits`)
    }
    const ceiling = await startStaticNginx(files)
    try {
      for (const page of loadPages) {
        const alone = await wrk(new URL(page.path, siteUrl).toString(), { seconds: wrkSeconds })
        // What a browser asks for: the cache's gzipped copy (compressed once per fill, by the site).
        const frontGzip = await wrk(new URL(page.path, shipped.url).toString(), { seconds: wrkSeconds, headers: { 'Accept-Encoding': 'gzip' } })
        // The ratio that matters (the shipped front cache against nginx serving the same bytes):
        // three alternating rounds, medians compared, so drift on a shared machine falls on both.
        const rounds = { frontStale: [], ceiling: [] }
        for (let i = 0; i < 3; i += 1) {
          rounds.frontStale.push(await wrk(new URL(page.path, shipped.url).toString(), { seconds: wrkSeconds }))
          rounds.ceiling.push(await wrk(new URL(page.path, ceiling.url).toString(), { seconds: wrkSeconds }))
        }
        throughput.push({
          name: page.name,
          path: page.path,
          alone,
          frontStale: medianByRps(rounds.frontStale),
          frontGzip,
          ceiling: medianByRps(rounds.ceiling),
          rounds: { frontStale: rounds.frontStale.map((row) => Math.round(row.rps)), ceiling: rounds.ceiling.map((row) => Math.round(row.rps)) },
        })
      }
      if (publishRuns > 0) {
        const token = await login(cmsUrl, admin.email, admin.password)
        // nginx keeps pages until the site refreshes them after a purge (deploy/nginx): the page is
        // kept warm in nginx by the polling itself, and each publish comes at a random moment.
        const name = isVarnish
          ? `front cache ${frontName}, at random moments`
          : 'front cache as shipped (refreshed by the site after a purge), at random moments'
        log(`measuring publish → visible through the ${name}`)
        publishVia[name] = await publishLatency({
          cmsUrl,
          siteUrl: shipped.url,
          token,
          slug: 'sciatica-and-massage',
          pagePath: '/articles/sciatica-and-massage',
          runs: Math.max(publishRuns, 50),
          randomStartMs: 2000,
        })
        publishVia[name].steps = publishSteps(publishVia[name].timeline, site.output())
      }
      // Further varnishd settings: the same alternating rounds against the same ceiling.
      for (const set of isVarnish ? varnishSettings.slice(1) : []) {
        await shipped.stop()
        shipped = await startFront(set)
        log(`throughput with varnishd -p ${varnishParams(set).join(' -p ')}`)
        const row = { setting: set.join(' '), pages: {} }
        for (const page of loadPages) {
          await plainGet(new URL(page.path, shipped.url))
          const warm = await plainGet(new URL(page.path, shipped.url))
          if (warm.headers['x-cache-status'] !== 'HIT') throw new Error(`${page.path} is not in Varnish after two visits`)
          const rounds = { front: [], ceiling: [] }
          for (let i = 0; i < 3; i += 1) {
            rounds.front.push(await wrk(new URL(page.path, shipped.url).toString(), { seconds: wrkSeconds }))
            rounds.ceiling.push(await wrk(new URL(page.path, ceiling.url).toString(), { seconds: wrkSeconds }))
          }
          row.pages[page.name] = { front: medianByRps(rounds.front), ceiling: medianByRps(rounds.ceiling), rounds: { front: rounds.front.map((r) => Math.round(r.rps)), ceiling: rounds.ceiling.map((r) => Math.round(r.rps)) } }
        }
        varnishRounds.push(row)
      }
    } finally {
      await Promise.all([shipped.stop(), ceiling.stop()])
    }
  }

  if (canLoad && !skip.has('soak')) {
    let served = throughput.reduce((sum, row) => sum + row.alone.total, 0)
    log(`memory: loading the site until it has served ${soakRequests} requests (${served} so far)`)
    const soakPaths = pages.map((page) => page.path)
    for (let i = 0; served < soakRequests; i += 1) {
      served += (await wrk(new URL(soakPaths[i % soakPaths.length], siteUrl).toString(), { seconds: 5 })).total
    }
    memory = { requests: served, siteRssMb: rssMb(site.pid), cmsRssMb: rssMb(cms.pid) }
  }

  if (canLoad && !skip.has('no-cms-build')) {
    const noCmsDir = '.next/bench-no-cms'
    log(`building the site again with the CMS unreachable (${path.join('apps/web', noCmsDir)}), as CI does`)
    const deadCms = `http://127.0.0.1:${await freePort()}`
    try {
      await run('site build without CMS', process.execPath, [nextBin(webDir), 'build'], {
        cwd: webDir,
        env: { ...siteEnv, NEXT_DIST_DIR: noCmsDir, CMS_URL: deadCms },
      })
    } finally {
      if (nextEnv !== undefined) writeFileSync(nextEnvFile, nextEnv)
    }
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const other = start('site (built without CMS)', process.execPath, [nextBin(webDir), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
      cwd: webDir,
      env: { ...siteEnv, ...siteRuntimeEnv, NEXT_DIST_DIR: noCmsDir, SITE_URL: url },
    })
    try {
      await waitUntilUp(other, `${url}/robots.txt`)
      const first = await fetch(`${url}/`)
      await first.arrayBuffer()
      const second = await fetch(`${url}/`)
      await second.arrayBuffer()
      // Both servers serve `/` from their caches; compare them fairly: the same warm-up for the new
      // process's JIT, then alternating rounds (A, B, A, B …), so drift on a shared machine hits both.
      await wrk(`${url}/`, { seconds: 3 })
      await wrk(`${siteUrl}/`, { seconds: 3 })
      const rounds = 3
      const samples = { noCms: [], withCms: [] }
      for (let i = 0; i < rounds; i += 1) {
        samples.withCms.push(await wrk(`${siteUrl}/`, { seconds: wrkSeconds }))
        samples.noCms.push(await wrk(`${url}/`, { seconds: wrkSeconds }))
      }
      noCms = {
        firstCache: first.headers.get('x-nextjs-cache'),
        secondCache: second.headers.get('x-nextjs-cache'),
        home: medianByRps(samples.noCms),
        withCms: medianByRps(samples.withCms),
        samples: { noCms: samples.noCms.map((row) => Math.round(row.rps)), withCms: samples.withCms.map((row) => Math.round(row.rps)) },
      }
    } finally {
      await other.stop()
    }
  }

  const modulesDir = path.join(webDir, 'bench', 'modules')
  if (existsSync(modulesDir)) {
    // Other parts of the project add their own measurements here (issue 8: search latency): a
    // module exports `name` and `measure({ siteUrl, cmsUrl, sitePid, revalidateSecret })`, which
    // returns rows for a table. `--skip=<file name without .mjs>` skips one.
    for (const file of readdirSync(modulesDir).filter((name) => name.endsWith('.mjs') && !skip.has(name.slice(0, -4))).sort()) {
      const mod = await import(path.join(modulesDir, file))
      log(`measuring ${mod.name ?? file}`)
      modules[mod.name ?? file] = await mod.measure({ siteUrl, cmsUrl, sitePid: site.pid, revalidateSecret })
    }
  }

  if (!skip.has('scale')) {
    log('REST reads at 100 and 10,000 articles (rows added to the throwaway database; last, as it changes the lists)')
    scale = await restAtScale({ cmsUrl, cmsDir, cmsEnv })
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
          'JS after load': w.jsDeferred ? 'yes' : 'no',
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
  if (missing.length > 0) console.log(`\nNot measured (missing here; the bench installs nothing): ${missing.join(', ')}`)
  const ms = (value) => Number(value.toFixed(1))
  const ratio = (a, b) => Number((a / b).toFixed(2))
  if (throughput.length > 0) {
    console.log('')
    console.log(`Requests/s, wrk -c 32 -d ${wrkSeconds}s (one machine, everything on it; ratios to nginx serving the same bytes):`)
    console.log(
      '  nginx same bytes = the front cache\'s cached copy (body) with its response headers (all but Date, Server, Connection, Content-Length, ETag, Last-Modified, Accept-Ranges, which nginx writes for a file itself); ' +
        'the shipped front cache: open_file_cache on cache hits, exact-match maps before regular expressions (Accept-Encoding, Cookie), access log off in both here (production: buffered, 64 KB / 1 s)',
    )
    console.table(
      Object.fromEntries(
        throughput.map((row) => [
          row.name,
          {
            'site alone': Math.round(row.alone.rps),
            [`front cache (${isVarnish ? 'varnish' : 'shipped'})`]: Math.round(row.frontStale.rps),
            'front, gzip client': Math.round(row.frontGzip.rps),
            'nginx same bytes': Math.round(row.ceiling.rps),
            'site/nginx': ratio(row.alone.rps, row.ceiling.rps),
            'front/nginx': ratio(row.frontStale.rps, row.ceiling.rps),
            'front p99 ms': ms(row.frontStale.p99Ms),
            'site p50 ms': ms(row.alone.p50Ms),
            'non-2xx': row.alone.non2xx + row.frontStale.non2xx + row.frontGzip.non2xx,
          },
        ]),
      ),
    )
  }
  for (const row of throughput) {
    console.log(`  ${row.name}: front cache (${isVarnish ? 'varnish' : 'shipped'}) rounds ${row.rounds.frontStale.join(', ')}; nginx same bytes rounds ${row.rounds.ceiling.join(', ')} (medians above)`)
  }
  for (const [name, p] of Object.entries(publishVia)) {
    const ratios = throughput.map((row) => `${row.name} ${ratio(row.frontStale.rps, row.ceiling.rps)}×`).join(', ')
    console.log('')
    console.log(`Publish → visible through the ${name}, ${p.runs} publishes (PATCH sent → page shows it through ${isVarnish ? 'Varnish' : 'nginx'}):`)
    console.table({ [name.split(' (')[0]]: { p50_ms: Math.round(p.p50), p95_ms: Math.round(p.p95), max_ms: Math.round(p.max), 'throughput vs nginx same bytes': ratios || 'not measured' } })
    if (p.steps && Object.keys(p.steps).length > 0) {
      console.log('Where the time goes (each publish matched with the site\'s trace of its purge; epoch clocks of one machine):')
      console.table(p.steps)
    }
  }
  if (varnishRounds.length > 0) {
    console.log('')
    console.log('Other varnishd settings (throughput only; medians of three alternating rounds against the same nginx serving the same bytes):')
    console.table(
      Object.fromEntries(
        [
          { setting: (varnishSettings[0] ?? []).join(' '), pages: Object.fromEntries(throughput.map((row) => [row.name, { front: row.frontStale, ceiling: row.ceiling }])) },
          ...varnishRounds,
        ].map((row) => [row.setting, Object.fromEntries(Object.entries(row.pages).flatMap(([page, v]) => [[`${page} req/s`, Math.round(v.front.rps)], [`${page}/nginx`, ratio(v.front.rps, v.ceiling.rps)]]))]),
      ),
    )
    for (const row of varnishRounds) {
      for (const [page, v] of Object.entries(row.pages)) console.log(`  ${row.setting} ${page}: varnish rounds ${v.rounds.front.join(', ')}; nginx same bytes rounds ${v.rounds.ceiling.join(', ')}`)
    }
  }
  if (noCms) {
    console.log('')
    console.log(
      `Home, site built while the CMS was down: ${Math.round(noCms.home.rps)} req/s (p50 ${ms(noCms.home.p50Ms)} ms) vs ` +
        `${Math.round(noCms.withCms.rps)} built with the CMS up: ${ratio(noCms.home.rps, noCms.withCms.rps)}× ` +
        `(medians of alternating rounds: without ${noCms.samples.noCms.join(', ')}; with ${noCms.samples.withCms.join(', ')}); ` +
        `x-nextjs-cache first ${noCms.firstCache}, second ${noCms.secondCache}`,
    )
  }
  if (memory) {
    console.log(`Memory after ${memory.requests} requests to the site: site ${memory.siteRssMb.toFixed(0)} MB RSS, CMS ${memory.cmsRssMb.toFixed(0)} MB RSS`)
  }
  if (scale) {
    console.log('')
    printScale(scale)
  }
  for (const [name, rows] of Object.entries(modules)) {
    console.log(`\n${name}:`)
    console.table(rows)
  }

  if (args['site-log']) {
    writeFileSync(args['site-log'], site.output())
    log(`the site's output (last 200 kB) written to ${args['site-log']}`)
  }

  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ front: frontName, varnishRounds, buildSeconds, weights, audits, publish, publishVia, throughput, noCms, memory, scale, modules, missing }, null, 2))
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
