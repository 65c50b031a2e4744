// nginx serving fixed files: the ceiling the site and its front cache are compared with.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nginxPath } from '../../../../deploy/nginx/front-cache.mjs'
import { freePort } from './processes.mjs'

/** Serves `files` ({ '/path': body }) as text/html from a temporary root; returns { url, stop }. */
export async function startStaticNginx(files) {
  const prefix = mkdtempSync(path.join(tmpdir(), 'clinic-static-'))
  for (const dir of ['logs', 'temp', 'root']) mkdirSync(path.join(prefix, dir))
  chmodSync(prefix, 0o755)
  chmodSync(path.join(prefix, 'temp'), 0o777)
  const names = {}
  Object.entries(files).forEach(([urlPath, body], index) => {
    names[urlPath] = `page-${index}.html`
    writeFileSync(path.join(prefix, 'root', names[urlPath]), body)
  })
  const port = await freePort()
  const isRoot = process.getuid?.() === 0
  const locations = Object.entries(names)
    .map(([urlPath, file]) => `    location = ${urlPath} { try_files /${file} =404; }`)
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
    stop: async () => {
      try {
        process.kill(-child.pid, 'SIGQUIT')
      } catch {}
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
      rmSync(prefix, { recursive: true, force: true })
    },
  }
}
