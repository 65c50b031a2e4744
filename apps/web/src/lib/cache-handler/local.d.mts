// Types of local.mjs: Next.js's cache handler interface, as far as the site's tests use it.
declare const LocalCacheHandler: new (options: object) => {
  get: (key: string, ctx: object) => Promise<{ value: unknown } | null>
  set: (key: string, data: unknown, ctx: object) => Promise<void>
}
export default LocalCacheHandler
