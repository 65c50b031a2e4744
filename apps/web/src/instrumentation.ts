/** Runs once when the server starts: a bad environment stops it here, not on the first request. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration: it says which runtime loads this file.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertRuntimeEnv } = await import('@/env')
    assertRuntimeEnv()
    // Booking rate limits count per source: stamp each request's TCP peer (see lib/client-address).
    const { installPeerAddressHeader } = await import('@/lib/client-address')
    await installPeerAddressHeader()
    const { env } = await import('@/env')
    if (env.redisUrl) {
      // A Redis without key-space events made every page wait forever: fix it or refuse to start.
      const { ensureKeyspaceEvents, RedisMisconfiguredError } = await import('@/lib/health/redis-keyspace')
      try {
        const check = await ensureKeyspaceEvents(env.redisUrl)
        if (check.outcome === 'configured') console.warn(`[redis] notify-keyspace-events was "${check.from}"; set to "${check.to}" for the site's cache.`)
        if (check.outcome === 'unreachable') console.warn(`[redis] not reachable at start (${check.reason}); the site serves from its own memory until it is.`)
      } catch (error) {
        if (!(error instanceof RedisMisconfiguredError)) throw error
        console.error(`\n${error.message}\n`)
        process.exit(1)
      }
    }
    // Other instances' purges, heard from the start (lib/purge-bus.ts).
    if (env.redisUrl && !env.isBuildPhase) {
      const { listenForPurges } = await import('@/lib/purge-bus')
      listenForPurges()
    }
    const { answerServiceUnavailableWhileCmsIsDown } = await import('@/lib/cms-unavailable-response')
    answerServiceUnavailableWhileCmsIsDown()
    // Made-up document addresses answered before Next.js routes them (lib/slugs/early-not-found.ts).
    const { installEarlyNotFound } = await import('@/lib/slugs/early-not-found')
    const { Server } = await import('node:http')
    installEarlyNotFound(Server)
    // The image optimiser resizes one image at a time (lib/image-optimiser-queue.ts).
    if (!env.isBuildPhase) {
      const { resizeOneImageAtATime } = await import('@/lib/image-optimiser-queue')
      resizeOneImageAtATime()
    }
    // Open Graph images rendered in the background once the server answers (lib/og/warm.ts).
    if (!env.isBuildPhase) {
      const { warmSocialImagesAtStart } = await import('@/lib/og/warm')
      warmSocialImagesAtStart()
    }
  }
}
