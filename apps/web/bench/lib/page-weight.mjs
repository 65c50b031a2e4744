// What a page costs to load: its HTML, and the JavaScript files it makes a browser download.
import { gzipSync } from 'node:zlib'

const gzipBytes = (buffer) => gzipSync(buffer).length

/** The attributes of every tag `name` in `html`, as objects (lower-cased names; enough for Next's output). */
function tags(html, name) {
  const found = []
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes = {}
    for (const attribute of match[1].matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes[attribute[1].toLowerCase()] = attribute[2] ?? attribute[3] ?? attribute[4] ?? ''
    }
    found.push({ attributes, index: match.index })
  }
  return found
}

/** The text of every inline <script> (no src), with its type. */
function inlineScripts(html) {
  const found = []
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/.test(match[1])) continue
    const type = /type\s*=\s*"([^"]*)"/.exec(match[1])?.[1] ?? 'text/javascript'
    found.push({ type, text: match[2] })
  }
  return found
}

const cache = new Map()
async function fileSizes(url) {
  if (!cache.has(url)) {
    cache.set(
      url,
      (async () => {
        const response = await fetch(url)
        if (!response.ok) throw new Error(`${url} answered ${response.status}`)
        const body = Buffer.from(await response.arrayBuffer())
        return { raw: body.length, gzip: gzipBytes(body) }
      })(),
    )
  }
  return cache.get(url)
}

/**
 * Fetches `path` from the site and sizes it: the HTML (raw and gzip), its inline scripts (Next's
 * RSC payload and JSON-LD), and each JavaScript file it loads. A `nomodule` script is listed apart:
 * browsers that run modules (all the ones the site targets) never download it.
 */
export async function pageWeight(siteUrl, path) {
  const response = await fetch(new URL(path, siteUrl), { headers: { 'Accept-Encoding': 'identity' } })
  if (!response.ok) throw new Error(`${path} answered ${response.status}`)
  const html = Buffer.from(await response.arrayBuffer())
  const text = html.toString('utf8')

  const scripts = new Map()
  for (const { attributes } of tags(text, 'script')) {
    if (!attributes.src) continue
    scripts.set(new URL(attributes.src, siteUrl).toString(), { nomodule: 'nomodule' in attributes })
  }
  // Files preloaded as scripts are downloaded too, even if no <script> names them.
  for (const { attributes } of tags(text, 'link')) {
    const rel = attributes.rel ?? ''
    if (attributes.href && ((rel === 'preload' && attributes.as === 'script') || rel === 'modulepreload')) {
      const url = new URL(attributes.href, siteUrl).toString()
      if (!scripts.has(url)) scripts.set(url, { nomodule: false })
    }
  }

  // Chunks the page asks for after it has loaded (src/lib/html/defer-app-scripts.mjs): downloaded
  // all the same, so counted the same.
  const deferred = /self\.__clinicLoadApp\((\[[^\]]*\])\)/.exec(text)
  for (const src of deferred ? JSON.parse(deferred[1]) : []) {
    const url = new URL(src, siteUrl).toString()
    if (!scripts.has(url)) scripts.set(url, { nomodule: false })
  }

  const files = []
  for (const [url, { nomodule }] of scripts) files.push({ url, nomodule, ...(await fileSizes(url)) })
  const loaded = files.filter((file) => !file.nomodule)
  const inline = inlineScripts(text)
  const sum = (list, key) => list.reduce((total, item) => total + item[key], 0)
  const inlineOf = (predicate) => inline.filter(predicate).reduce((total, script) => total + Buffer.byteLength(script.text), 0)

  return {
    path,
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    htmlBytes: html.length,
    htmlGzip: gzipBytes(html),
    jsFiles: loaded.length,
    jsDeferred: Boolean(deferred),
    jsRaw: sum(loaded, 'raw'),
    jsGzip: sum(loaded, 'gzip'),
    nomoduleGzip: sum(files.filter((file) => file.nomodule), 'gzip'),
    inlineRscBytes: inlineOf((script) => script.text.includes('self.__next_f')),
    inlineJsonLdBytes: inlineOf((script) => script.type === 'application/ld+json'),
    inlineOtherBytes: inlineOf((script) => !script.text.includes('self.__next_f') && script.type !== 'application/ld+json'),
    files,
  }
}
