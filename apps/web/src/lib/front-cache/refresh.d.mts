export declare const refreshHeader: string
export declare const refreshViaHeader: string
export declare function refreshFrontCache(
  tags: readonly string[],
  options: { frontCacheUrls: readonly string[]; siteUrl: string; secret: string; instanceAddress?: string; selfOrigin?: string; concurrency?: number; timeoutMs?: number; receivedAt?: number },
): Promise<{ paths: string[]; failed: string[]; problems: Record<string, string> }>
