export declare const maxPathsPerTag: number
export declare function pathOfCacheKey(key: string): string | null
export declare function recordCachedPage(key: string, value: unknown): void
export declare function pathsForTags(tags: readonly string[]): Promise<string[]>
export declare function resetTagPaths(): void
