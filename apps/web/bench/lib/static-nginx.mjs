// nginx serving fixed files: the ceiling the site and its front cache are compared with.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nginxPath } from '../../../../deploy/nginx/front-cache.mjs'
import { freePort } from './processes.mjs'

/** Headers nginx writes itself for a file (or per connection): never copied into the ceiling's config. */
const ownHeaders = new Set(['date', 'content-length', 'connection', 'keep-alive', 'server', 'transfer-encoding', 'content-type', 'etag', 'last-modified', 'accept-ranges'])

const quote = (value) => `"${String(value).replace(/[\\"]/g, '\\$&').replace(/\$/g, '${dollar}')}"`

/**
 * Serves `files` ({ '/path': body } or { '/path': { body, headers } }) from a temporary root;
 * returns { url, pid, stop }. With `headers` (a response's, e.g. what the front cache sends for the
 * page), the ceiling sends the same ones (its content type, and every other header but those nginx
 * writes itself for a file): then it really serves the same bytes.
 */
export async function startStaticNginx(files) {
  const prefix = mkdtempSync(path.join(tmpdir(), 'clinic-static-'))
  for (const dir of ['logs', 'temp', 'root']) mkdirSync(path.join(prefix, dir))
  chmodSync(prefix, 0o755)
  chmodSync(path.join(prefix, 'temp'), 0o777)
  const names = {}
  const extra = {}
  Object.entries(files).forEach(([urlPath, file], index) => {
    const { body, headers = {} } = typeof file === 'string' ? { body: file } : file
    names[urlPath] = `page-${index}.html`
    writeFileSync(path.join(prefix, 'root', names[urlPath]), body)
    const lines = []
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === 'content-type') lines.push(`default_type ${quote(value)};`)
      else if (!ownHeaders.has(name.toLowerCase())) lines.push(`add_header ${name} ${quote(value)};`)
    }
    extra[urlPath] = lines.join(' ')
  })
  const port = await freePort()
  const isRoot = process.getuid?.() === 0
  const locations = Object.entries(names)
    .map(([urlPath, file]) => `    location = ${urlPath} { ${extra[urlPath] ? `${extra[urlPath]} ` : ''}try_files /${file} =404; }`)
    .join('\n')
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `${isRoot ? 'user nobody nogroup;' : ''}
worker_processes auto;
pid ${prefix}/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  error_log ${prefix}/logs/error.log warn;
  client_body_temp_path ${prefix}/temp/body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  sendfile on;
  keepalive_requests 100000;
  default_type text/html;
  # "$" in a copied header value, written as nginx has no escape for it.
  geo $dollar { default "$"; }
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/root;
${locations}
  }
}
`,
  )
  const child = spawn(nginxPath, ['-p', prefix, '-e', path.join(prefix, 'logs', 'error.log'), '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: 'ignore',
    detached: true,
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(url).then(() => true, () => false)) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      try {
        process.kill(-child.pid, 'SIGQUIT')
      } catch {}
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
      rmSync(prefix, { recursive: true, force: true })
    },
  }
}
