export declare const startedAtField: string
export declare function withPurgeGuard<T extends new (options: object) => object>(Inner: T, options?: { log?: Map<string, number>; now?: () => number }): new (options: object) => object
