// Types of security-headers.mjs.
export declare function contentSecurityPolicy(options: { cmsOrigin: string; draft: boolean }): string
export declare function fixedSecurityHeaders(options: { production: boolean }): { key: string; value: string }[]
