export declare function withDeferredScripts<T extends new (options: object) => object>(Inner: T): new (options: object) => object
