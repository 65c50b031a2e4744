import { fileURLToPath } from 'node:url'
import { env } from './src/env.mjs'
import { fixedSecurityHeaders } from './src/lib/security-headers.mjs'
import { deviceSizes, imageSizes, mediaFilePath, qualities } from './src/lib/image-requests.mjs'

// The cache handler: with REDIS_URL, a maintained Redis cache handler (Next.js 15/16, App Router)
// holds the rendered pages and the CMS reads for every site instance, and one tag purge (a publish)
// reaches them all; without it, Next.js's own (memory, then the build's files). Either way wrapped
// so cached pages run their framework scripts after the page has loaded
// (src/lib/html/defer-app-scripts.mjs). Plain .mjs files: Next.js loads them uncompiled.
const cacheHandler = fileURLToPath(new URL(`./src/lib/cache-handler/${env.redisUrl ? 'redis' : 'local'}.mjs`, import.meta.url))

const cms = new URL(env.cmsUrl)

// The CMS usually runs on the same machine or private network (one-server deployment). Next.js 16
// refuses to optimise images from private addresses unless told to; remotePatterns below limit that
// to the CMS's media files, so allow it exactly when the CMS itself is on a private address.
const cmsIsPrivate =
  /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?$)/.test(cms.hostname) || !cms.hostname.includes('.')

// Cache-Control for pages, sitemap, feed and robots, written for the shared front cache of the
// deployment (an nginx micro-cache, SPEC "Deployment"), which a tag purge on this site never reaches.
// Next.js's own header for a page cached until its tags are purged is `s-maxage=31536000`: a shared
// cache would keep the page for a year after a publish. Instead a shared cache may keep it one second
// and serve it one more second while it fetches a fresh copy (the micro-cache's "stale while
// updating"), so a publish shows within about two seconds behind the cache. Browsers must ask again
// every time (max-age=0): the site's own cache answers that in a few milliseconds.
const publicPageCacheControl = 'public, max-age=0, s-maxage=1, stale-while-revalidate=1'
// Draft mode (an editor's preview) is personal and unpublished: never stored, by anyone. Next.js
// already sends `private, no-cache, no-store…` for pages rendered in draft mode; this covers every
// other response to a browser holding the draft-mode cookie.
const draftCacheControl = 'private, no-cache, no-store, max-age=0, must-revalidate'
const draftModeCookie = '__prerender_bypass'

// Plain JavaScript, not next.config.ts: `next start` compiles a TypeScript config with SWC every time
// it starts, and the compiler's native module then stays in the server's memory (~27 MB resident of
// the ~200 MB budget, issue 10). Its two imports are plain JavaScript for the same reason.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Titles, descriptions and icons go in <head> for every visitor, not streamed into the body
  // (Next.js streams metadata to browsers it does not know as bots): crawlers, link previews and
  // browsers all read the same document head.
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      // Security headers on every response (src/lib/security-headers.ts; the CSP is set by src/proxy.ts).
      { source: '/:path*', headers: fixedSecurityHeaders({ production: env.nodeEnv === 'production' }) },
      {
        // Everything but build assets (immutable, own headers), optimised images (own headers) and
        // the API routes (each says no-store itself).
        source: '/:path((?!_next/static/|_next/image|api/|book$).*)',
        missing: [{ type: 'cookie', key: draftModeCookie }],
        headers: [{ key: 'Cache-Control', value: publicPageCacheControl }],
      },
      {
        // The booking form: each render carries its own one-time key, and the answer to a post
        // carries what the visitor typed. Never stored by any cache.
        source: '/book',
        headers: [{ key: 'Cache-Control', value: draftCacheControl }],
      },
      {
        // Search results depend on every collection and live under a query string, which the
        // front cache's refresh after a purge does not reach (it refreshes the pages a tag
        // touches): nginx keeps them one second (X-Accel-Expires), as before the refresh.
        source: '/search',
        headers: [{ key: 'X-Accel-Expires', value: '1' }],
      },
      {
        source: '/:path((?!_next/static/).*)',
        has: [{ type: 'cookie', key: draftModeCookie }],
        headers: [{ key: 'Cache-Control', value: draftCacheControl }],
      },
    ]
  },
  distDir: env.distDir,
  // Rendered pages and CMS reads are cached in memory (an LRU of this size), never written to disk:
  // the default cache handler otherwise writes ~7 files (~41 KB) under .next/ for every distinct
  // URL rendered, unknown slugs' 404s included, and never removes them, so anyone could fill the
  // disk by asking for made-up addresses. Pages prerendered by the build are still read from disk.
  // Both apply to the local cache handler (src/lib/cache-handler/local.mjs); the Redis one
  // (REDIS_URL) has its own bounds.
  // 32 MB holds every page of the seeded site many times over (a page and its RSC payload are
  // ~50-200 KB); the LRU lives in the V8 heap, which `pnpm start` caps at 128 MB (package.json).
  cacheMaxMemorySize: 32 * 1024 * 1024,
  experimental: {
    // On, but only for the image optimiser's cache of resized images (.next/cache/images, bounded by
    // images.maximumDiskCacheSize below): Next.js keeps no resized image at all without it, so every
    // request for an image fetched and resized it again (issue 18: a flood of image requests took
    // the site past its memory budget). The page cache never writes to disk all the same: the local
    // cache handler turns this off for itself (src/lib/cache-handler/local.mjs), the Redis one has
    // no disk.
    isrFlushToDisk: true,
    // The image optimiser (sharp/libvips, in this process): one libvips thread per image and no
    // libvips operation cache. Resized images are cached on disk, so this costs only the first
    // request for each size. Left at its defaults it held most of the site's native memory (issue 10).
    imgOptConcurrency: 1,
    imgOptOperationCache: false,
  },
  cacheHandler,
  reactStrictMode: true,
  // The site and the CMS live in one monorepo: trace files from the workspace root.
  outputFileTracingRoot: new URL('../../', import.meta.url).pathname,
  // The shared types package exports TypeScript source ("just-in-time" package).
  transpilePackages: ['@clinic/cms-types'],
  images: {
    // Media is served by the CMS; CMS_URL is read when the site is built.
    // src/proxy.ts refuses any other request first (src/lib/image-requests.mjs: these widths, this
    // quality, one CMS media file without a query string, no other parameter), with a 400 and no work.
    remotePatterns: [
      {
        protocol: cms.protocol === 'https:' ? 'https' : 'http',
        hostname: cms.hostname,
        port: cms.port,
        pathname: `${mediaFilePath}*`,
        // No query string: each invented `?v=…` would otherwise be a fresh fetch and resize.
        search: '',
      },
    ],
    // No local images: the site's only images are the CMS's media (an empty list allows none, where
    // leaving it out would let /_next/image resize any page or route of the site, query strings and all).
    localPatterns: [],
    dangerouslyAllowLocalIP: cmsIsPrivate,
    formats: ['image/avif', 'image/webp'],
    deviceSizes,
    imageSizes,
    qualities,
    // Resized images kept on disk (bytes; Next.js's default is half the free disk). A file per media
    // file, width and format (AVIF, WebP, or the original's for browsers that take neither): every
    // one of the seeded site's 64 files (uploads and sizes) would be ~2,100 files, ~20 MB. The least
    // recently used go first.
    maximumDiskCacheSize: 256 * 1024 * 1024,
    // The largest file the optimiser downloads from the CMS: the CMS's own upload limit (10 MB,
    // apps/cms/src/collections/Media/limits.ts), not Next.js's 50 MB. Requests waiting for their turn
    // to resize (src/lib/image-optimiser-queue.ts) each hold theirs.
    maximumResponseBody: 10 * 1024 * 1024,
  },
}

export default nextConfig
