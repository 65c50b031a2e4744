export declare const refreshHeader: string
export declare const refreshViaHeader: string
export declare const purgeTagsHeader: string
export declare function frontCacheOf(url: string): { origin: string; purgeByTag: boolean; refill: boolean }
export declare function purgeTags(origin: string, tags: readonly string[], secret: string, timeoutMs: number): Promise<string | undefined>
export declare function refreshFrontCache(
  tags: readonly string[],
  options: { frontCacheUrls: readonly string[]; siteUrl: string; secret: string; instanceAddress?: string; selfOrigin?: string; concurrency?: number; timeoutMs?: number; receivedAt?: number },
): Promise<{ paths: string[]; failed: string[]; problems: Record<string, string> }>

export declare function whenRefreshesIdle(): Promise<void>
