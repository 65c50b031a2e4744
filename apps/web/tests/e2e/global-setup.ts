import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { collectionSlugs, collectionTag, globalSlugs, globalTag, revalidateSecretHeader } from '@clinic/cms-types'
import { startSmtpServer } from '@clinic/test-support'
import type { TestProject } from 'vitest/node'
import { startFrontCache, type FrontCache } from '../../../../deploy/nginx/front-cache.mjs'
import { assertChromium } from './support/browser'
import { serveMailbox } from './support/mailbox'
import { startRedis, type RedisServer } from './support/redis'
import { cmsJson, login } from './support/cms'
import type { E2eContext } from './support/context'
import {
  assertBuilt,
  cmsDir,
  freePort,
  nextStartArgs,
  repoDir,
  runToCompletion,
  siteInstanceEnv,
  startProcess,
  waitFor,
  waitUntilAnswering,
  webDir,
  type ManagedProcess,
} from './support/servers'

/** Static routes: prerendered at build time (with or without a CMS), refreshed on first visit. */
const staticRoutes = ['/', '/articles', '/services', '/exercises', '/team', '/book', '/sitemap.xml', '/feed.xml', '/robots.txt']

const secret = () => randomBytes(32).toString('hex')

/**
 * Starts the production builds of the CMS and the site on a fresh, seeded SQLite database in a
 * temporary folder, on free ports, and stops both (by process group) and removes the folder when
 * the run ends, whatever its outcome.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now()
  const webDist = path.join(webDir, process.env.NEXT_DIST_DIR || '.next')
  assertBuilt('the CMS (apps/cms)', path.join(cmsDir, '.next'))
  assertBuilt('the site (apps/web)', webDist)
  assertChromium()

  const tmp = mkdtempSync(path.join(tmpdir(), 'clinic-e2e-'))
  const logDir = path.join(repoDir, '.test-results', 'web-e2e-logs')
  mkdirSync(logDir, { recursive: true })
  const processes: ManagedProcess[] = []
  let front: FrontCache | undefined
  const killAll = () => {
    processes.forEach((proc) => proc.killNow())
    try {
      if (front) process.kill(-front.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  // If the run is interrupted, never leave servers behind.
  process.once('exit', killAll)

  // A real SMTP server for the CMS's emails (booking notifications); specs read what it received
  // through a small JSON endpoint (support/mailbox.ts), since they run in other processes.
  const smtp = await startSmtpServer()
  const mailbox = await serveMailbox(smtp)
  // The site runs as in a deployment of several instances: its cache in a Redis they share
  // (06-shared-cache starts a second instance on it). The CMS tells this instance only.
  let redis: RedisServer | undefined

  const teardown = async () => {
    // The front cache's request log (which instance answered each request, the site's refreshes)
    // is kept beside the apps' logs: its folder goes with nginx.
    if (front?.accessLogPath) {
      try {
        copyFileSync(front.accessLogPath, path.join(logDir, 'front-cache-access.log'))
      } catch {
        // no request reached it
      }
    }
    await front?.stop()
    await Promise.all(processes.map((proc) => proc.stop()))
    await mailbox.stop()
    await smtp.stop()
    await redis?.stop()
    process.removeListener('exit', killAll)
    rmSync(tmp, { recursive: true, force: true })
  }

  try {
    redis = await startRedis()
    const [cmsPort, sitePort, frontPort, secondSitePort] = [await freePort(), await freePort(), await freePort(), await freePort()]
    const secondSiteUrl = `http://127.0.0.1:${secondSitePort}`
    const cmsUrl = `http://127.0.0.1:${cmsPort}`
    const siteUrl = `http://127.0.0.1:${sitePort}`
    const previewSecret = secret()
    const revalidateSecret = secret()
    const admin = { email: 'admin@e2e.example', password: 'e2e-admin-password' }
    const editor = { email: 'editor@e2e.example', password: 'e2e-editor-password' }
    const marketer = { email: 'marketer@e2e.example', password: 'e2e-marketer-password' }
    // The site's booking form account: the seed creates it with this key, the site sends it.
    const bookingApiKey = secret()
    // The CMS's own settings (beyond the inherited environment): a spec that starts a second CMS
    // on the same database (06-purge-while-site-down) uses them.
    const cmsOwnEnv: Record<string, string> = {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PAYLOAD_SECRET: secret(),
      DATABASE_URI: `file:${path.join(tmp, 'e2e.db')}`,
      MEDIA_DIR: path.join(tmp, 'media'),
      SITE_URL: siteUrl,
      // The CMS's own public address (the name the site uses for it), for a CMS that lists it in
      // Payload's csrf allow-list so its admin can save with its login cookie.
      CMS_URL: cmsUrl,
      SITE_REVALIDATE_SECRET: revalidateSecret,
      SITE_PREVIEW_SECRET: previewSecret,
      SEED_ON_START: 'false',
      SEED_BOOKING_API_KEY: bookingApiKey,
      ...smtp.env,
      // Scheduled publishing is polled every second (a 6-field cron) instead of every minute, so the
      // scheduling spec waits for its own minute only.
      JOBS_AUTORUN_CRON: '* * * * * *',
      // The clinic's zone, which the schedule drawer starts on: the browser's (specs run in UTC).
      CLINIC_TIMEZONE: 'UTC',
      // A failed booking email waits 10 minutes for its queued retry: the admin spec sees it failed
      // and retries it with "Retry now", with no queued retry racing it.
      BOOKING_EMAIL_RETRY_DELAYS_MS: '600000,600000',
    }
    const cmsEnv: NodeJS.ProcessEnv = { ...process.env, ...cmsOwnEnv }

    console.log(`[e2e] seeding a fresh SQLite database in ${tmp}`)
    const seedOutput = await runToCompletion('The seed (apps/cms `pnpm seed`)', [path.join(cmsDir, 'scripts', 'run-ts.mjs'), 'src/seed/run.ts'], {
      cwd: cmsDir,
      env: { ...cmsEnv, SEED_ADMIN_EMAIL: admin.email, SEED_ADMIN_PASSWORD: admin.password },
      timeout: 240_000,
    })
    writeFileSync(path.join(logDir, 'seed.log'), seedOutput)
    if (!seedOutput.includes('seed: done')) throw new Error(`The seed did not finish. Its output:\n${seedOutput.slice(-4000)}`)

    console.log(`[e2e] starting the CMS on ${cmsUrl} and the site on ${siteUrl} (logs in ${path.relative(repoDir, logDir)}/)`)
    const cms = startProcess('The CMS (apps/cms next start)', nextStartArgs(cmsDir, cmsPort), {
      cwd: cmsDir,
      env: cmsEnv,
      logFile: path.join(logDir, 'cms.log'),
    })
    processes.push(cms)
    const site = startProcess('The site (apps/web next start)', nextStartArgs(webDir, sitePort), {
      cwd: webDir,
      env: siteInstanceEnv(
        { cmsUrl, siteUrl, revalidateSecret, previewSecret },
        {
          BOOKING_API_KEY: bookingApiKey,
          // The shipped front cache (deploy/nginx) appends the client's address to X-Forwarded-For;
          // specs that talk to the site directly send it as the front cache would.
          TRUSTED_PROXY: '1',
          // The site refreshes the front cache's copies of the pages a purge touches.
          FRONT_CACHE_URL: `http://127.0.0.1:${frontPort}`,
          REDIS_URL: redis.url,
        },
      ),
      logFile: path.join(logDir, 'site.log'),
    })
    processes.push(site)
    await Promise.all([
      waitUntilAnswering(cms, `${cmsUrl}/api/health/ready`, 180_000),
      waitUntilAnswering(site, `${siteUrl}/api/health`, 180_000),
    ])

    // Clinic staff: an editor account, made by the admin the way an admin would.
    const adminToken = await login(cmsUrl, admin.email, admin.password)
    await cmsJson(cmsUrl, '/api/users', {
      method: 'POST',
      token: adminToken,
      body: { ...editor, name: 'E2E Editor', role: 'editor' },
    })
    await cmsJson(cmsUrl, '/api/users', {
      method: 'POST',
      token: adminToken,
      body: { ...marketer, name: 'E2E Marketer', role: 'marketer' },
    })

    // The build may have prerendered pages from whatever CMS answered at build time (or none):
    // purge every tag, as the CMS would after a change, so the site reads this database.
    const tags = [...Object.values(collectionSlugs).map(collectionTag), ...Object.values(globalSlugs).map(globalTag)]
    const purge = await fetch(`${siteUrl}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [revalidateSecretHeader]: revalidateSecret },
      body: JSON.stringify({ tags }),
    })
    if (!purge.ok) throw new Error(`The site refused the initial cache purge: ${purge.status} ${await purge.text()}`)

    // A page prerendered without the CMS is served once more while it re-renders in the
    // background (documented behaviour); visit each static route until its fresh render is in.
    for (const route of staticRoutes) {
      await waitFor(
        async () => {
          const response = await fetch(`${siteUrl}${route}`, { signal: AbortSignal.timeout(60_000) })
          await response.arrayBuffer()
          if (response.status !== 200) throw new Error(`status ${response.status}`)
          return response.headers.get('x-nextjs-cache') !== 'STALE'
        },
        { timeout: 90_000, interval: 300, message: `The site did not render ${route} from the CMS` },
      )
    }

    // The shipped front cache in front of both apps (its refresh secret is the site's revalidation
    // secret), balancing across two site instances as a deployment with a load balancer would: this
    // one, and the second that 06-shared-cache starts on its reserved port (nginx passes a request
    // for an instance that is down to the other).
    front = await startFrontCache({ siteUrl: [siteUrl, secondSiteUrl], cmsUrl, port: frontPort, refreshSecret: revalidateSecret, accessLog: true })

    const context: E2eContext = { cmsUrl, siteUrl, redisUrl: redis.url, frontUrl: front.url, secondSiteUrl, frontAccessLog: front.accessLogPath!, frontCmsUrl: front.cmsUrl, frontPrefix: front.prefix, cmsPid: cms.pid, cmsEnv: cmsOwnEnv, previewSecret, revalidateSecret, admin, editor, marketer, logDir, mailboxUrl: mailbox.url }
    project.provide('e2e', context)
    console.log(`[e2e] servers ready in ${Math.round((Date.now() - started) / 1000)} s`)
    return teardown
  } catch (error) {
    await teardown()
    throw error
  }
}
