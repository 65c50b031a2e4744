export declare const maxMisses: number
export declare function withBoundedMisses<T extends new (options: object) => object>(Inner: T, options?: { limit?: number; ttlMs?: number }): new (options: object) => object
