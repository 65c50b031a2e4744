// Publish → visible: staff change a published article's title through the CMS REST API (the CMS's
// afterChange hook tells the site which tags to purge), then the page is polled until it shows it.
import { randomBytes } from 'node:crypto'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export async function login(cmsUrl, email, password) {
  const response = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok || !body.token) throw new Error(`Could not log into the CMS as ${email}: HTTP ${response.status}`)
  return body.token
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]
}

/**
 * `runs` times: PATCH the article's title (published) and poll `pagePath` on the site every
 * `pollMs` until the new title is in its HTML. Returns the latencies (ms, PATCH sent → page shows
 * it) and how long the CMS took to answer the PATCH (which includes its call to /api/revalidate).
 * Each run starts 100 ms after the previous one was seen, or, with `randomStartMs`, after a random
 * wait of up to that long: behind a cache that refreshes a page every second or two, the first is
 * the worst moment to publish (just after a refill), the second any moment, as editors publish.
 */
export async function publishLatency({ cmsUrl, siteUrl, token, collection = 'articles', slug, pagePath, runs, pollMs = 5, timeoutMs = 15_000, randomStartMs = 0 }) {
  const found = await fetch(`${cmsUrl}/api/${collection}?where[slug][equals]=${encodeURIComponent(slug)}&depth=0&limit=1`)
  const doc = (await found.json()).docs?.[0]
  if (!doc) throw new Error(`No published ${collection} document with slug ${slug}`)
  const originalTitle = doc.title

  const page = () => fetch(new URL(pagePath, siteUrl), { headers: { 'Cache-Control': 'no-cache' } }).then((r) => r.text())
  if (!(await page()).includes(originalTitle)) throw new Error(`${pagePath} does not show "${originalTitle}" before the test`)

  const latencies = []
  const patchTimes = []
  /** Per run, epoch ms: PATCH sent, answered, the page seen with the new title. */
  const timeline = []
  const tag = randomBytes(3).toString('hex')
  for (let i = 1; i <= runs; i += 1) {
    if (randomStartMs > 0) await sleep(Math.random() * randomStartMs)
    // Letters and digits only: the title appears verbatim (unescaped) in the HTML.
    const title = `${originalTitle} bench ${tag} ${i}`
    const started = performance.now()
    const startedAt = Date.now()
    const response = await fetch(`${cmsUrl}/api/${collection}/${doc.id}?depth=0`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify({ title, _status: 'published' }),
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`PATCH ${collection}/${doc.id} answered ${response.status}`)
    patchTimes.push(performance.now() - started)
    const answeredAt = Date.now()
    let seen = false
    while (performance.now() - started < timeoutMs) {
      if ((await page()).includes(title)) {
        seen = true
        break
      }
      await sleep(pollMs)
    }
    if (!seen) throw new Error(`${pagePath} did not show the new title within ${timeoutMs} ms (run ${i})`)
    latencies.push(performance.now() - started)
    timeline.push({ startedAt, answeredAt, seenAt: Date.now() })
    await sleep(100)
  }

  // Put the title back, so a second look at the page shows the seeded content.
  await fetch(`${cmsUrl}/api/${collection}/${doc.id}?depth=0`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ title: originalTitle, _status: 'published' }),
  }).then((r) => r.arrayBuffer())

  return {
    runs,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    patchP50: percentile(patchTimes, 50),
    latencies,
    timeline,
  }
}
