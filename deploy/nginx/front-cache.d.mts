export declare const nginxPath: string

export interface FrontCacheOptions {
  siteUrl: string
  cmsUrl: string
  port?: number
  cmsPort?: number
  /** Serve the expired copy while one request fetches the new one (default true; false: wait behind the lock). */
  staleWhileUpdating?: boolean
  /** The site's REVALIDATE_SECRET: a request carrying it in X-Clinic-Refresh replaces the cached copy (default: a random one). */
  refreshSecret?: string
}

export interface FrontCache {
  /** The site through the cache. */
  url: string
  /** The CMS through nginx. */
  cmsUrl: string
  pid: number
  prefix: string
  /** Stops nginx (by its process group) and removes its folder. */
  stop: () => Promise<void>
}

export declare function renderConfig(options: FrontCacheOptions & { port: number; cmsPort: number; prefix: string; hsts?: boolean; accessLog?: string }): string
export declare function startFrontCache(options: FrontCacheOptions): Promise<FrontCache>
