#!/usr/bin/env node
// Starts Varnish (Debian's /usr/sbin/varnishd, with varnish-modules' xkey) as the tag-purging front
// cache of clinic.vcl.template, in the foreground, against a site that is already running.
// MEASURED, NOT SHIPPED (the shipped front cache is deploy/nginx): for `pnpm bench --front=varnish`,
// its unit test and trying it locally.
//
//   node deploy/varnish/front-cache.mjs [--site=http://127.0.0.1:3000[,…]] [--port=6081]
//        [--refresh-secret=…] [--param=thread_pools=1 …] [--print]
//
// Start the site with FRONT_CACHE_URL=varnish+<this cache's address> (purge, then refill the purged
// pages) or varnish-purge+<address> (purge only), TRUSTED_PROXY=1 and the same REVALIDATE_SECRET
// (the default refresh secret when that variable is set).
//
// Without --port a free port is picked. varnishd's working folder (-n), the rendered VCL and its
// storage (-s malloc,256m: in memory) live in a temporary folder, removed on exit. Imported,
// `startVarnishFrontCache()` does the same and returns { url, pid, workDir, stop }.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, siteUrlsOf, startForeground } from '../lib/foreground.mjs'

export const varnishdPath = process.env.VARNISHD_PATH || '/usr/sbin/varnishd'
const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * varnishd's run-time parameters (-p) by default. thread_pools=1: on a 2-core machine a second pool
 * only adds contention (`pnpm bench --front=varnish` measured both; README). Varnish never gzips
 * nor gunzips: the site compresses once per fill, as behind nginx.
 */
export const defaultParams = ['thread_pools=1', 'http_gzip_support=off']

/** The VCL for these instances and this secret. */
export function renderVcl({ siteUrl, refreshSecret }) {
  if (typeof refreshSecret !== 'string' || !/^[\w.~-]{16,200}$/.test(refreshSecret)) {
    throw new Error('front cache: the refresh secret (the site\'s REVALIDATE_SECRET) must be 16-200 letters, digits or ._~- characters.')
  }
  const instances = [...new Map(siteUrlsOf(siteUrl).map((url) => {
    const parsed = new URL(url)
    const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80')
    return [`${parsed.hostname}:${port}`, { host: parsed.hostname, port }]
  })).entries()].map(([address, value], i) => ({ address, ...value, name: `clinic_site_instance_${i + 1}` }))
  const backends = instances
    .map(({ name, host, port }) => `backend ${name} {\n  .host = "${host}";\n  .port = "${port}";\n  .probe = clinic_site_probe;\n  .connect_timeout = 2s;\n  .first_byte_timeout = 60s;\n  .between_bytes_timeout = 60s;\n}`)
    .join('\n')
  const director = instances.map(({ name }) => `  clinic_site.add_backend(${name});`).join('\n')
  const choice = instances
    .flatMap(({ name, address, host, port }) => {
      const names = [address]
      if (host === 'localhost') names.push(`127.0.0.1:${port}`)
      return names.map((n) => `    if (req.http.X-Clinic-Refresh-Via == "${n}") {\n      set req.backend_hint = ${name};\n      set req.http.X-Clinic-Upstream = "${name}";\n    }`)
    })
    .join('\n')
  const values = { SITE_BACKENDS: backends, SITE_DIRECTOR: director, SITE_INSTANCE_CHOICE: choice, REFRESH_SECRET: refreshSecret }
  const template = readFileSync(path.join(here, 'clinic.vcl.template'), 'utf8')
  return template.replace(/\{\{(\w+)\}\}/g, (all, name) => {
    if (!(name in values)) throw new Error(`clinic.vcl.template: no value for {{${name}}}`)
    return values[name]
  })
}

/** Whether varnishd and the xkey vmod are installed. */
export function varnishInstalled() {
  if (!existsSync(varnishdPath)) return false
  const vmodDir = spawnSync(varnishdPath, ['-x', 'parameter'], { encoding: 'utf8' }).stdout?.match(/vmod_path[\s\S]*?Default is ([^\s]+)/)?.[1]
  return !vmodDir || vmodDir.split(':').some((dir) => existsSync(path.join(dir, 'libvmod_xkey.so')))
}

/**
 * Starts varnishd in the foreground (-F) on a free port (or `port`); resolves once it answers.
 * @param {{ siteUrl: string | string[], port?: number, refreshSecret?: string, params?: string[], storage?: string }} options
 */
export async function startVarnishFrontCache({ siteUrl, port, refreshSecret = randomBytes(24).toString('hex'), params = defaultParams, storage = 'malloc,256m' } = {}) {
  if (!existsSync(varnishdPath)) {
    throw new Error(`Varnish is not installed (${varnishdPath} is missing). On Debian: apt-get install varnish varnish-modules.`)
  }
  port ??= await freePort()
  const prefix = mkdtempSync(path.join(tmpdir(), 'clinic-varnish-'))
  // varnishd drops to its own user when started as root: it must reach the VCL and its folder.
  chmodSync(prefix, 0o755)
  const vcl = path.join(prefix, 'clinic.vcl')
  writeFileSync(vcl, renderVcl({ siteUrl, refreshSecret }), { mode: 0o644 })
  const workDir = path.join(prefix, 'work')
  const args = ['-F', '-n', workDir, '-a', `127.0.0.1:${port}`, '-f', vcl, '-s', storage, '-T', 'none']
  for (const param of params) args.push('-p', param)
  const url = `http://127.0.0.1:${port}`
  const { pid, output, stop } = await startForeground({
    name: `varnishd on ${url}`,
    command: varnishdPath,
    args,
    prefix,
    // The manager and its cache child share the process group.
    stopSignal: 'SIGTERM',
    // Any answer (a synthetic 405 here) means the cache process is up with the VCL loaded.
    isUp: () => fetch(`${url}/`, { method: 'BAN', signal: AbortSignal.timeout(1000) }).then((response) => response.status === 405, () => false),
    timeoutMs: 30_000,
  })
  return { url, pid, workDir, output, stop }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? fallback
  const extraParams = process.argv.filter((a) => a.startsWith('--param=')).map((a) => a.slice('--param='.length))
  const options = {
    siteUrl: arg('site', 'http://127.0.0.1:3000'),
    port: arg('port') ? Number(arg('port')) : undefined,
    refreshSecret: arg('refresh-secret', process.env.REVALIDATE_SECRET?.trim() || undefined),
    params: [...defaultParams, ...extraParams],
  }
  if (process.argv.includes('--print')) {
    if (!options.refreshSecret) {
      console.error('front cache: give --refresh-secret=<the site\'s REVALIDATE_SECRET> (or set REVALIDATE_SECRET) to print the VCL.')
      process.exit(1)
    }
    process.stdout.write(renderVcl(options))
  } else {
    const front = await startVarnishFrontCache(options)
    console.log(`front cache (Varnish, measured, not shipped): ${front.url} → ${options.siteUrl} (varnishd pid ${front.pid}, Ctrl-C stops it)`)
    const shutdown = () => front.stop().then(() => process.exit(0))
    process.on('SIGINT', shutdown)
    process.on('SIGTERM', shutdown)
  }
}
