export declare const maxTags: number
export declare function globalPurgeLog(): Map<string, number>
export declare function notePurged(tags: readonly string[], at?: number, log?: Map<string, number>): void
export declare function purgedSince(tags: Iterable<string>, since: number, log?: Map<string, number>): boolean
export declare function lastPurgeAt(log?: Map<string, number>): number
