import path from 'node:path'
import Redis from 'ioredis'
import { afterAll, describe, expect, test } from 'vitest'
import { e2e } from './support/context'
import { startRedis, type RedisServer } from './support/redis'
import { freePort, nextStartArgs, siteInstanceEnv, startProcess, waitFor, waitUntilAnswering, webDir, type ManagedProcess } from './support/servers'
import { get, h1Of } from './support/site'

// The site's health endpoints, and a Redis without key-space events (issue 16): a stock Redis is
// configured by the site at start; one that refuses CONFIG (managed Redis) stops the site at start
// with the setting named. Never a hang. README, "Health checks" and "Redis".
const { cmsUrl, siteUrl, revalidateSecret, previewSecret, logDir } = e2e()
const started: ManagedProcess[] = []
const redises: RedisServer[] = []

afterAll(async () => {
  await Promise.all(started.map((proc) => proc.stop()))
  await Promise.all(redises.map((redis) => redis.stop()))
})

async function startSite(name: string, env: Record<string, string>) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const proc = startProcess(name, nextStartArgs(webDir, port), {
    cwd: webDir,
    env: siteInstanceEnv({ cmsUrl, siteUrl: url, revalidateSecret, previewSecret }, env),
    logFile: path.join(logDir, `${name.replace(/\W+/g, '-')}.log`),
  })
  started.push(proc)
  return { url, proc }
}

async function readiness(url: string) {
  const response = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(20_000) })
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body: (await response.json()) as { status: string; checks: Record<string, string>; degraded: string[] } }
}

describe('the site’s health endpoints (the shared stack)', () => {
  test('/api/health is 200 ok, never cached; /api/health/ready is 200 ok with the CMS, its Redis cache and booking key checked', async () => {
    const health = await fetch(`${siteUrl}/api/health`)
    expect(health.status).toBe(200)
    expect(health.headers.get('cache-control')).toContain('no-store')
    expect(((await health.json()) as { status: string }).status).toBe('ok')
    const ready = await readiness(siteUrl)
    expect(ready.status).toBe(200)
    expect(ready.cacheControl).toContain('no-store')
    expect(ready.body).toEqual({ status: 'ok', checks: { cms: 'ok', cache: 'ok', bookingKey: 'ok' }, degraded: [] })
    expect(JSON.stringify(ready.body)).not.toMatch(/secret|api-key|127\.0\.0\.1/i)
  })
})

describe('a Redis without key-space events', () => {
  test('stock Redis: the site turns the events on at start and serves pages; losing Redis later is "degraded", pages still served', async () => {
    const redis = await startRedis({ stock: true })
    redises.push(redis)
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 })
    await client.connect()
    expect(((await client.call('CONFIG', 'GET', 'notify-keyspace-events')) as string[])[1]).toBe('')
    const site = await startSite('site-stock-redis', { REDIS_URL: redis.url })
    await waitUntilAnswering(site.proc, `${site.url}/api/health`, 180_000)
    const flags = ((await client.call('CONFIG', 'GET', 'notify-keyspace-events')) as string[])[1]!
    client.disconnect()
    for (const flag of ['E', 'x', 'e']) expect(flags, `notify-keyspace-events now "${flags}"`).toContain(flag)
    expect(site.proc.tail()).toContain('notify-keyspace-events was ""')

    // Pages answer (twice: rendered, then from the Redis cache), bounded in time.
    for (let visit = 0; visit < 2; visit++) {
      const page = await get(`${site.url}/articles/sciatica-and-massage`, { signal: AbortSignal.timeout(60_000) })
      expect(page.status).toBe(200)
      expect(h1Of(page.body)).toBeTruthy()
    }
    const withRedis = await readiness(site.url)
    expect(withRedis.body.checks).toMatchObject({ cms: 'ok', cache: 'ok' })
    expect(withRedis.body.degraded.join(' ')).not.toContain('cache')

    await redis.stop()
    const ready = await waitFor(async () => {
      const answer = await readiness(site.url)
      return answer.body.checks.cache === 'unreachable' && answer
    }, { timeout: 20_000, message: 'readiness did not notice Redis going away' })
    expect(ready.status).toBe(200)
    expect(ready.body.status).toBe('degraded')
    expect(ready.body.degraded.join(' ')).toMatch(/^cache: Redis unreachable/)
    expect((await get(`${site.url}/articles/sciatica-and-massage`, { signal: AbortSignal.timeout(60_000) })).status).toBe(200)
  })

  test('a Redis that refuses CONFIG (as managed Redis does): the site refuses to start, naming the setting, within a minute', async () => {
    const redis = await startRedis({ stock: true, noConfig: true })
    redises.push(redis)
    const site = await startSite('site-managed-redis', { REDIS_URL: redis.url })
    await waitFor(() => site.proc.exited(), { timeout: 60_000, message: 'the site did not stop at start' })
    const output = site.proc.tail()
    expect(output).toContain('notify-keyspace-events')
    expect(output).toContain('notify-keyspace-events Exe')
    expect(output).toMatch(/CONFIG GET is not allowed/)
    expect(output).not.toMatch(/\bat \S+ \(/)
  })
})

describe('a booking key the CMS no longer accepts (e.g. PAYLOAD_SECRET changed)', () => {
  test('readiness is "degraded" naming the booking key and the fix, and the log says what to do', async () => {
    const site = await startSite('site-wrong-booking-key', { BOOKING_API_KEY: 'a-key-made-under-another-secret-0000000000' })
    await waitUntilAnswering(site.proc, `${site.url}/api/health`, 180_000)
    const ready = await readiness(site.url)
    expect(ready.status).toBe(200)
    expect(ready.body.status).toBe('degraded')
    expect(ready.body.checks.bookingKey).toBe('refused by the CMS')
    expect(ready.body.degraded.join(' ')).toMatch(/booking: the CMS refuses BOOKING_API_KEY \(make a new key/)
    await waitFor(() => site.proc.tail().includes('[booking] The CMS does not accept BOOKING_API_KEY'), { timeout: 5000, message: 'no log line' })
    expect(site.proc.tail()).toMatch(/Settings → Service accounts/)
  })
})
