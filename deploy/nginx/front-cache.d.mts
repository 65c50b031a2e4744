export declare const nginxPath: string

export interface FrontCacheOptions {
  /** The site: one instance's URL, several comma-separated, or a list (nginx balances across them). */
  siteUrl: string | readonly string[]
  cmsUrl: string
  port?: number
  cmsPort?: number
  /** Serve the expired copy while one request fetches the new one (default true; false: wait behind the lock). */
  staleWhileUpdating?: boolean
  /** The site's REVALIDATE_SECRET: a request carrying it in X-Clinic-Refresh replaces the cached copy (default: a random one). */
  refreshSecret?: string
  /** Log every request (unbuffered) to `accessLogPath`, for tests (default false). */
  accessLog?: boolean
}

export interface FrontCache {
  /** The site through the cache. */
  url: string
  /** The CMS through nginx. */
  cmsUrl: string
  pid: number
  prefix: string
  /** The request log (with accessLog): one line per request, `refresh=1` on the site's refreshes. */
  accessLogPath?: string
  /** Stops nginx (by its process group) and removes its folder. */
  stop: () => Promise<void>
}

export declare function renderConfig(options: FrontCacheOptions & { port: number; cmsPort: number; prefix: string; hsts?: boolean; accessLog?: string; accessLogBuffered?: boolean }): string
export declare function siteUrlsOf(siteUrl: string | readonly string[]): string[]
export declare function siteInstances(siteUrl: string | readonly string[]): { upstreams: string; instanceUpstreams: string; map: string }
export declare function startFrontCache(options: FrontCacheOptions & { accessLog?: boolean }): Promise<FrontCache>
