export declare const refreshHeader: string
export declare function refreshFrontCache(
  tags: readonly string[],
  options: { frontCacheUrls: readonly string[]; siteUrl: string; secret: string; selfOrigin?: string; concurrency?: number; timeoutMs?: number; receivedAt?: number },
): Promise<{ paths: string[]; failed: string[] }>
