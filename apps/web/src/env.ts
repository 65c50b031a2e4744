// The site's environment: read and checked in env.mjs (plain JavaScript, so next.config.mjs can
// import it without a compiler). The app imports it from here as `@/env`.
export { assertRuntimeEnv, env } from './env.mjs'
