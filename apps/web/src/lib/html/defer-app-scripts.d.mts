export declare const loaderMarker: string
export declare function loaderScript(sources: string[]): string
export declare function deferAppScripts(html: string): string
