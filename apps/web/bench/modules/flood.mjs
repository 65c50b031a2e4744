// "Bystander under flood" (issue 18): what an anonymous flood of expensive or junk requests costs a
// visitor asking for a cached page meanwhile, and the site's memory. Prints figures, asserts nothing.
//
// The bystander asks for a cached page (/team) directly at the site (no front cache), one request
// at a time, from a process of its own (a visitor does not share the flood's client), alone and
// then during each flood:
//   OG        200 at once: 100 real /og/… images (cold: their collections' tags purged first) and
//             100 invented ones;
//   404       2,000 /articles/<random slug>;
//   image     300 /_next/image requests: a real CMS file with an invented query string, invented
//             widths and qualities, extra parameters, and real sizes in every format;
//   search    400 /search?q=<random words>.
// Flood traffic goes to loopback only, from many loopback source addresses (127.20.x.y, as if from
// that many visitors, so the per-address limits do not hide the cost), with bounded concurrency, a
// bounded count and a time limit. The site's RSS (process and children, /proc) is sampled every
// 100 ms during each flood; the peak is printed. BENCH_FLOODS=image (or og,404,image,search, in any
// mix) runs only those floods.
import { randomBytes, randomInt } from 'node:crypto'
import { fork } from 'node:child_process'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import { rssMb } from '../lib/load.mjs'

export const name = 'Bystander under flood (cached page /team asked directly at the site; targets: p95 ≤ 100 ms, RSS ≤ 250 MB)'

const bystanderPath = '/team'
const bystanderScript = fileURLToPath(new URL('../lib/bystander.mjs', import.meta.url))
const floodTimeoutMs = 180_000
const requestTimeoutMs = 30_000
const routed = ['articles', 'services', 'exercises', 'conditions', 'pages']
const words = ['back', 'pain', 'massage', 'sciatica', 'neck', 'stretch', 'shoulder', 'deep', 'tissue', 'sport', 'knee', 'hip', 'headache', 'posture', 'relief', 'therapy', 'booking', 'price', 'exercise', 'lower']

const randomSlug = () => randomBytes(8).toString('hex')
const pick = (list) => list[randomInt(list.length)]
const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)])
const round = (value) => (Number.isFinite(value) ? Math.round(value) : value)
const only = process.env.BENCH_FLOODS ? new Set(process.env.BENCH_FLOODS.split(',')) : undefined
const wanted = (flood) => !only || only.has(flood)

/**
 * One GET; resolves with the status (0 on a network error or a timeout), the time to the last byte,
 * and whether the proxy answered it from the known slugs (a 404 without a render).
 */
function get(url, { agent, localAddress, headers = {} }) {
  return new Promise((resolve) => {
    const started = performance.now()
    let gated = false
    const done = (status) => resolve({ status, ms: performance.now() - started, gated })
    const request = http.get(url, { agent, localAddress, headers, timeout: requestTimeoutMs }, (response) => {
      gated = response.headers['x-clinic-not-found'] === 'known-slugs'
      response.on('data', () => {})
      response.on('end', () => done(response.statusCode ?? 0))
      response.on('error', () => done(0))
    })
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', () => done(0))
  })
}

/** Sends every URL, `concurrency` at a time, each worker from its own loopback address. */
async function flood(siteUrl, paths, { concurrency, headers }) {
  const queue = [...paths]
  const results = []
  const deadline = Date.now() + floodTimeoutMs
  const worker = async (index) => {
    const localAddress = `127.20.${Math.floor(index / 250)}.${(index % 250) + 1}`
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      while (queue.length > 0 && Date.now() < deadline) {
        const path = queue.shift()
        const extra = typeof headers === 'function' ? headers() : headers
        results.push(await get(new URL(path, siteUrl), { agent, localAddress, headers: { 'X-Forwarded-For': localAddress, ...extra } }))
      }
    } finally {
      agent.destroy()
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)))
  return { results, unsent: queue.length }
}

/**
 * Asks for the cached page one request at a time (25 ms apart), from a process of its own
 * (../lib/bystander.mjs), while `start()` runs; resolves with the sorted times.
 */
async function bystander(siteUrl, start) {
  const child = fork(bystanderScript, [new URL(bystanderPath, siteUrl).toString()], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    await new Promise((resolve, reject) => {
      child.once('message', resolve)
      child.once('exit', () => reject(new Error('the bystander process stopped before it was ready')))
    })
    const answer = new Promise((resolve, reject) => {
      child.once('message', resolve)
      child.once('exit', () => reject(new Error('the bystander process stopped before it sent its times')))
    })
    child.send('start')
    let result
    try {
      result = await start()
    } finally {
      child.send('stop')
    }
    const { times } = await answer
    return { result, times: times.map((ms) => ms ?? Infinity).sort((a, b) => a - b) }
  } finally {
    // Whatever happened: never left behind (stopped by its PID).
    if (child.exitCode === null) child.kill()
    await exited
  }
}

/** Peak RSS (MB) of the site while `until` runs. */
async function rssPeak(pid, until) {
  let peak = rssMb(pid)
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100)
  try {
    await until
  } finally {
    clearInterval(timer)
  }
  return Math.max(peak, rssMb(pid))
}

/** `200×100 404×100 (gate 98)`: statuses, and how many 404s the proxy's known-slug gate answered. */
function statusMix(results) {
  const counts = new Map()
  for (const { status } of results) counts.set(status, (counts.get(status) ?? 0) + 1)
  const gated = results.filter((row) => row.gated).length
  const mix = [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([status, count]) => `${status === 0 ? 'failed' : status}×${count}`)
    .join(' ')
  return counts.has(404) ? `${mix} (gate ${gated})` : mix
}

async function measureFlood(label, { siteUrl, sitePid }, paths, options) {
  if (!wanted(options.flood)) return []
  let peak
  const {
    result: { results, unsent },
    times,
  } = await bystander(siteUrl, async () => {
    const run = flood(siteUrl, paths, options)
    ;[, peak] = await Promise.all([run, rssPeak(sitePid, run)])
    return run
  })
  const floodTimes = results.map((row) => row.ms).sort((a, b) => a - b)
  return [{
    flood: label,
    requests: results.length,
    unsent,
    'flood p95 ms': round(percentile(floodTimes, 95)),
    'status mix': statusMix(results),
    'bystander n': times.length,
    'bystander p50 ms': round(percentile(times, 50)),
    'bystander p95 ms': round(percentile(times, 95)),
    'site RSS peak MB': round(peak),
  }]
}

async function json(url) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return response.json()
}

/** Empties the site's caches of the routed collections (as a publish does), so their OG images are cold. */
async function purgeCollections(siteUrl, revalidateSecret) {
  const response = await fetch(new URL('/api/revalidate', siteUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-revalidate-secret': revalidateSecret },
    body: JSON.stringify({ tags: routed.map((collection) => `collection:${collection}`) }),
  })
  if (!response.ok) throw new Error(`purging the site's cache answered ${response.status}`)
}

/** Real optimised-image URLs of a page: `{ media, widths }` from its `/_next/image` srcsets. */
async function realImages(siteUrl, pagePaths) {
  const media = new Set()
  const widths = new Set()
  for (const pagePath of pagePaths) {
    const html = await (await fetch(new URL(pagePath, siteUrl))).text()
    // The HTML's own attributes (the inline RSC payload holds JSON-escaped copies).
    for (const match of html.matchAll(/\s(?:srcSet|srcset|src)="([^"]*\/_next\/image[^"]*)"/g)) {
      for (const candidate of match[1].split(',')) {
        const params = new URL(candidate.trim().split(/\s+/)[0].replaceAll('&amp;', '&'), siteUrl).searchParams
        if (params.get('url')) media.add(params.get('url'))
        if (params.get('w')) widths.add(params.get('w'))
      }
    }
  }
  return { media: [...media], widths: [...widths] }
}

function shuffle(list) {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1)
    ;[list[i], list[j]] = [list[j], list[i]]
  }
  return list
}

export async function measure({ siteUrl, cmsUrl, sitePid, revalidateSecret }) {
  if (!sitePid || !revalidateSecret) throw new Error('the flood module needs the site PID and its revalidation secret (bench/run.mjs passes them)')
  const context = { siteUrl, sitePid }
  const rows = []
  const warm = async () => {
    for (let i = 0; i < 5; i += 1) await fetch(new URL(bystanderPath, siteUrl)).then((r) => r.arrayBuffer())
  }

  await warm()
  {
    let peak
    const { times } = await bystander(siteUrl, async () => {
      const idle = new Promise((resolve) => setTimeout(resolve, 8000))
      peak = await rssPeak(sitePid, idle)
    })
    rows.push({
      flood: 'none (alone)',
      requests: 0,
      unsent: 0,
      'flood p95 ms': '',
      'status mix': '',
      'bystander n': times.length,
      'bystander p50 ms': round(percentile(times, 50)),
      'bystander p95 ms': round(percentile(times, 95)),
      'site RSS peak MB': round(peak),
    })
  }

  // (a) Open Graph images: 100 real ones (every published document, repeated up to 100) and 100 invented.
  const real = []
  for (const collection of routed) {
    const list = await json(`${cmsUrl}/api/${collection}?depth=0&limit=100&select[slug]=true`)
    for (const doc of list.docs) if (doc.slug) real.push(`/og/${collection}/${encodeURIComponent(doc.slug)}`)
  }
  if (real.length === 0) throw new Error('the CMS lists no published documents for OG images')
  const og = [
    ...Array.from({ length: 100 }, (_, i) => real[i % real.length]),
    ...Array.from({ length: 100 }, () => `/og/${pick(routed)}/${randomSlug()}`),
  ]
  if (wanted('og')) await purgeCollections(siteUrl, revalidateSecret)
  await warm()
  rows.push(...(await measureFlood(`OG, 200 at once (${real.length} distinct real, cold)`, context, shuffle(og), { concurrency: 200, flood: 'og' })))

  // (b) 2,000 random 404s.
  await warm()
  const junk = Array.from({ length: 2000 }, () => `/articles/${randomSlug()}`)
  rows.push(...(await measureFlood('404 /articles/<random>', context, junk, { concurrency: 48, flood: '404' })))

  // (c) The image optimiser: invented variants of real CMS files, and every real size and format.
  await warm()
  const { media, widths } = await realImages(siteUrl, ['/', '/articles/sciatica-and-massage', '/team'])
  if (media.length === 0) throw new Error('no /_next/image URLs found on the site’s pages')
  const image = (params) => `/_next/image?${new URLSearchParams(params)}`
  const variants = [
    () => image({ url: `${pick(media)}?v=${randomSlug()}`, w: pick(widths), q: '75' }),
    () => image({ url: pick(media), w: String(randomInt(1, 4000)), q: '75' }),
    () => image({ url: pick(media), w: pick(widths), q: String(randomInt(1, 100)) }),
    () => `${image({ url: pick(media), w: pick(widths), q: '75' })}&v=${randomSlug()}`,
    () => image({ url: `${pick(media).split('?')[0]}/${randomSlug()}`, w: pick(widths), q: '75' }),
    () => image({ url: pick(media), w: pick(widths), q: '75' }),
  ]
  const images = Array.from({ length: 300 }, (_, i) => variants[i % variants.length]())
  const accepts = ['image/avif,image/webp,*/*', 'image/webp,*/*', '*/*']
  const imageRow = await measureFlood(
    `image optimiser (${media.length} real files, invented variants)`,
    context,
    shuffle(images),
    { concurrency: 48, headers: () => ({ Accept: pick(accepts) }), flood: 'image' },
  )
  rows.push(...imageRow)

  // (d) Search with random words.
  await warm()
  const searches = Array.from({ length: 400 }, () => {
    const query = Array.from({ length: randomInt(1, 4) }, () => (randomInt(3) === 0 ? randomSlug().slice(0, randomInt(3, 9)) : pick(words))).join(' ')
    return `/search?${new URLSearchParams({ q: query })}`
  })
  rows.push(...(await measureFlood('search ?q=<random words>', context, searches, { concurrency: 48, flood: 'search' })))

  return Object.fromEntries(rows.map(({ flood: label, ...row }) => [label, row]))
}
