#!/usr/bin/env node
// Starts nginx (Debian's /usr/sbin/nginx) as the front cache of nginx.conf.template, in the
// foreground, against a site and a CMS that are already running. For tests, the bench and trying
// the deployment locally; production renders the same template once (--print) and runs nginx as a
// service.
//
//   node deploy/nginx/front-cache.mjs [--site=http://127.0.0.1:3000[,http://127.0.0.1:3002…]]
//        [--cms=http://127.0.0.1:3001] [--port=8080] [--cms-port=8081] [--no-stale]
//        [--refresh-secret=…] [--access-log] [--print]
//
// Several --site addresses (comma-separated) are the instances of a load-balanced site: nginx
// balances visitors across them (one `server` line each). Start every instance with the same
// FRONT_CACHE_URL: whichever the CMS tells refreshes the cache, and its refreshes go to itself (one
// upstream group per instance; each instance's SITE_INSTANCE_ADDRESS must be its address as given
// here, by default 127.0.0.1:PORT).
//
// The refresh secret is the site's REVALIDATE_SECRET (the default when that variable is set): the
// site sends it to replace a purged page's copy (see the template). Start the site with
// FRONT_CACHE_URL=<this cache's address> and TRUSTED_PROXY=1 (nginx appends the client's address
// to X-Forwarded-For). Without a secret, one is made up: pages then wait out the 60 s safety net.
//
// Without --port a free port is picked. Everything nginx writes (config, cache, logs, pid) goes to
// a temporary folder, removed on exit. Imported, `startFrontCache()` does the same and returns
// { url, cmsUrl, pid, prefix, stop }.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, siteUrlsOf, startForeground } from '../lib/foreground.mjs'

export { siteUrlsOf }

export const nginxPath = process.env.NGINX_PATH || '/usr/sbin/nginx'
const here = path.dirname(fileURLToPath(import.meta.url))

const hostPort = (url) => {
  const parsed = new URL(url)
  return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? 443 : 80)}`
}

/**
 * The site's instances as the template lists them: the balanced group's `server` lines, one group
 * per instance, and the map from a refresh's X-Clinic-Refresh-Via (the instance's own address,
 * SITE_INSTANCE_ADDRESS on the site, by default 127.0.0.1:PORT) to that instance's group. An
 * instance listed as `localhost:PORT` is also found under `127.0.0.1:PORT`, the site's default.
 * @param {string | readonly string[]} siteUrl
 */
export function siteInstances(siteUrl) {
  const addresses = [...new Set(siteUrlsOf(siteUrl).map(hostPort))]
  const groups = addresses.map((address, i) => ({ address, group: `clinic_site_instance_${i + 1}` }))
  const mapLines = groups.flatMap(({ address, group }) => {
    const names = [address]
    if (address.startsWith('localhost:')) names.push(address.replace(/^localhost:/, '127.0.0.1:'))
    return names.map((name) => `    "1:${name}" ${group};`)
  })
  return {
    upstreams: addresses.map((address) => `    server ${address};`).join('\n'),
    instanceUpstreams: groups.map(({ address, group }) => `  upstream ${group} { server ${address}; keepalive 8; }`).join('\n'),
    map: mapLines.join('\n'),
  }
}

/**
 * The configuration for these addresses. By default an expired copy is never served while a new
 * one is fetched: requests wait behind the cache lock for the fresh copy (pages are kept until the
 * site refreshes them, so this is rare). `staleWhileUpdating` serves the expired copy meanwhile,
 * but then an expired answer whose update may not be stored (an old slug's redirect, stored by
 * the refresh for a second; a visitor's redirect or 404 is never stored) is served to everyone
 * until it leaves the cache: a deleted redirect would keep redirecting.
 */
export function renderConfig({ siteUrl, cmsUrl, port, cmsPort, prefix, staleWhileUpdating = false, hsts = false, accessLog = 'off', accessLogBuffered = true, refreshSecret }) {
  if (typeof refreshSecret !== 'string' || !/^[\w.~-]{16,200}$/.test(refreshSecret)) {
    throw new Error('front cache: the refresh secret (the site\'s REVALIDATE_SECRET) must be 16-200 letters, digits or ._~- characters.')
  }
  const instances = siteInstances(siteUrl)
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const values = {
    PREFIX: prefix,
    // As root (CI), workers run as nobody; the script opens the folders to them.
    MAIN_USER: isRoot ? 'user nobody nogroup;' : '',
    // Production writes its log in batches; tests that read it right away (accessLogBuffered false) do not.
    ACCESS_LOG: accessLog === 'off' ? 'off' : `${accessLog} clinic${accessLogBuffered ? ' buffer=64k flush=1s' : ''}`,
    LISTEN: `127.0.0.1:${port}`,
    CMS_LISTEN: `127.0.0.1:${cmsPort}`,
    SITE_HOST: '_',
    CMS_HOST: '_',
    SITE_UPSTREAMS: instances.upstreams,
    SITE_INSTANCE_UPSTREAMS: instances.instanceUpstreams,
    SITE_INSTANCE_MAP: instances.map,
    CMS_UPSTREAM: hostPort(cmsUrl),
    USE_STALE: staleWhileUpdating ? 'updating error timeout http_500 http_502 http_503 http_504' : 'error timeout http_500 http_502 http_503 http_504',
    BACKGROUND_UPDATE: staleWhileUpdating ? 'on' : 'off',
    REFRESH_SECRET: refreshSecret,
    HSTS_MAP: hsts ? 'map $sent_http_strict_transport_security $clinic_hsts { "" "max-age=63072000; includeSubDomains"; default ""; }' : '',
    HSTS_HEADER: hsts ? 'add_header Strict-Transport-Security $clinic_hsts always;' : '',
  }
  const template = readFileSync(path.join(here, 'nginx.conf.template'), 'utf8')
  return template.replace(/\{\{(\w+)\}\}/g, (all, name) => {
    if (!(name in values)) throw new Error(`nginx.conf.template: no value for {{${name}}}`)
    return values[name]
  })
}

/** Starts nginx in the foreground; resolves once it answers. */
export async function startFrontCache({ siteUrl, cmsUrl, port, cmsPort, staleWhileUpdating = false, refreshSecret = randomBytes(24).toString('hex'), accessLog = false } = {}) {
  if (!existsSync(nginxPath)) {
    throw new Error(`nginx is not installed (${nginxPath} is missing). On Debian: apt-get install nginx (CI does this in .ci/run).`)
  }
  port ??= await freePort()
  cmsPort ??= await freePort()
  const prefix = mkdtempSync(path.join(tmpdir(), 'clinic-nginx-'))
  for (const dir of ['logs', 'temp', 'cache']) mkdirSync(path.join(prefix, dir))
  chmodSync(prefix, 0o755)
  for (const dir of ['temp', 'cache']) chmodSync(path.join(prefix, dir), 0o777)
  const config = path.join(prefix, 'nginx.conf')
  const accessLogPath = accessLog ? path.join(prefix, 'logs', 'access.log') : undefined
  writeFileSync(config, renderConfig({ siteUrl, cmsUrl, port, cmsPort, prefix, staleWhileUpdating, refreshSecret, accessLog: accessLogPath ?? 'off', accessLogBuffered: false }))

  const url = `http://127.0.0.1:${port}`
  const errorLog = path.join(prefix, 'logs', 'error.log')
  const { pid, stop } = await startForeground({
    name: `nginx on ${url}`,
    command: nginxPath,
    args: ['-p', prefix, '-e', errorLog, '-c', config, '-g', 'daemon off;'],
    prefix,
    // nginx's graceful stop: requests under way are answered first.
    stopSignal: 'SIGQUIT',
    isUp: () => fetch(`${url}/_nginx-probe`, { signal: AbortSignal.timeout(1000) }).then(() => true, () => false),
    timeoutMs: 10_000,
    startLog: () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''),
  })
  return { url, cmsUrl: `http://127.0.0.1:${cmsPort}`, pid, prefix, accessLogPath, stop }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? fallback
  const options = {
    siteUrl: arg('site', 'http://127.0.0.1:3000'),
    cmsUrl: arg('cms', 'http://127.0.0.1:3001'),
    port: arg('port') ? Number(arg('port')) : undefined,
    cmsPort: arg('cms-port') ? Number(arg('cms-port')) : undefined,
    staleWhileUpdating: process.argv.includes('--stale-while-updating'),
    refreshSecret: arg('refresh-secret', process.env.REVALIDATE_SECRET?.trim() || undefined),
    accessLog: process.argv.includes('--access-log'),
  }
  if (process.argv.includes('--print')) {
    if (!options.refreshSecret) {
      console.error('front cache: give --refresh-secret=<the site\'s REVALIDATE_SECRET> (or set REVALIDATE_SECRET) to print the configuration.')
      process.exit(1)
    }
    process.stdout.write(
      renderConfig({ ...options, port: options.port ?? 80, cmsPort: options.cmsPort ?? 8081, prefix: '/var/cache/clinic-nginx', hsts: true, accessLog: '/var/log/nginx/clinic.access.log' }),
    )
  } else {
    const front = await startFrontCache(options)
    console.log(`front cache: site ${front.url} → ${options.siteUrl}; CMS ${front.cmsUrl} → ${options.cmsUrl} (nginx pid ${front.pid}, Ctrl-C stops it)`)
    const shutdown = () => front.stop().then(() => process.exit(0))
    process.on('SIGINT', shutdown)
    process.on('SIGTERM', shutdown)
  }
}
