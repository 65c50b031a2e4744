export declare const varnishdPath: string
export declare const defaultParams: string[]

export interface VarnishFrontCacheOptions {
  /** The site: one instance's URL, several comma-separated, or a list (balanced round robin). */
  siteUrl: string | readonly string[]
  port?: number
  /** The site's REVALIDATE_SECRET: needed to purge, and to refill a purged page (default: a random one). */
  refreshSecret?: string
  /** varnishd -p parameters (default `defaultParams`: thread_pools=1, http_gzip_support=off). */
  params?: readonly string[]
  /** varnishd -s (default malloc,256m). */
  storage?: string
}

export interface VarnishFrontCache {
  /** The site through the cache. */
  url: string
  pid: number
  /** varnishd's -n folder (varnishstat -n, varnishlog -n). */
  workDir: string
  /** varnishd's output so far (its last 20 kB). */
  output: () => string
  /** Stops varnishd (by its process group) and removes its folder. */
  stop: () => Promise<void>
}

export declare function renderVcl(options: { siteUrl: string | readonly string[]; refreshSecret: string }): string
export declare function varnishInstalled(): boolean
export declare function startVarnishFrontCache(options: VarnishFrontCacheOptions): Promise<VarnishFrontCache>
