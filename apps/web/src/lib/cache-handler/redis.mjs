// The site's cache handler with REDIS_URL: the maintained Redis handler shared by every site
// instance (@trieb.work/nextjs-turbo-redis-cache), serving pages with deferred framework scripts.
import { createRequire } from 'node:module'
import { withDeferredScripts } from './with-deferred-scripts.mjs'

const require = createRequire(import.meta.url)
const RedisCacheHandler = require('@trieb.work/nextjs-turbo-redis-cache').default

export default withDeferredScripts(RedisCacheHandler)
