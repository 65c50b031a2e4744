// Types of env.mjs (plain JavaScript so next.config.mjs can import it without a compiler).
export declare const env: {
  readonly nodeEnv: 'development' | 'production' | 'test'
  readonly isProduction: boolean
  readonly isBuildPhase: boolean
  readonly cmsUrl: string
  readonly siteUrl: string
  readonly distDir: string
  readonly redisUrl: string | undefined
  readonly revalidateSecret: string
  readonly previewSecret: string
  readonly bookingApiKey: string | undefined
  readonly trustedProxies: number
  readonly frontCacheUrls: readonly string[]
  /** This instance's address as the front cache lists it (SITE_INSTANCE_ADDRESS, default 127.0.0.1:PORT); undefined outside `next start`. */
  readonly siteInstanceAddress: string | undefined
  /** Open Graph images warmed per collection (lib/og/warm.ts); 0: no warming. */
  readonly socialImageWarm: number
  readonly booking: { readonly limitPerSource: number; readonly limitTotal: number; readonly minFillSeconds: number }
}
/** Checks every runtime secret now, so a misconfigured server stops at start-up with a clear message. */
export declare function assertRuntimeEnv(): void
