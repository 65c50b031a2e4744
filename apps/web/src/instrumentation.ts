/** Runs once when the server starts: a bad environment stops it here, not on the first request. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration: it says which runtime loads this file.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertRuntimeEnv } = await import('@/env')
    assertRuntimeEnv()
    // Booking rate limits count per source: stamp each request's TCP peer (see lib/client-address).
    const { installPeerAddressHeader } = await import('@/lib/client-address')
    await installPeerAddressHeader()
    const { answerServiceUnavailableWhileCmsIsDown } = await import('@/lib/cms-unavailable-response')
    answerServiceUnavailableWhileCmsIsDown()
  }
}
