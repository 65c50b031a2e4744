// Types of image-requests.mjs.
export declare const deviceSizes: number[]
export declare const imageSizes: number[]
export declare const qualities: number[]
export declare const mediaFilePath: string
export declare function imageRequestProblem(params: URLSearchParams, cmsOrigin: string): string | undefined
