export declare const surrogateKeyHeader: string
export declare function surrogateKeysWanted(frontCacheUrl?: string): boolean
export declare function isSurrogateKey(tag: string): boolean
export declare function addSurrogateKeys(value: unknown): void
