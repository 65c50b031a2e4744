// Validates the environment when the server starts, so a missing or placeholder PAYLOAD_SECRET, or
// a missing CMS_URL, in production stops start-up with a message naming it instead of failing later.
// Payload itself is not booted here: instrumentation is bundled apart from the routes, and a
// Payload instance made from this bundle's modules would not share its error classes with them.
try {
  const { assertServerEnv } = await import('@/env')
  assertServerEnv()
  // Malformed paths and forbidden methods get a 4xx before Next.js can turn them into a 500.
  const { installHttpFilter } = await import('@/lib/http-filter')
  installHttpFilter()
  // Login throttling needs each request's TCP peer, which route handlers cannot see otherwise.
  const { installPeerAddressHeader } = await import('@/lib/rate-limit/client-address')
  await installPeerAddressHeader()
} catch (error) {
  console.error(`\n${(error as Error).message}\n`)
  process.exit(1)
}

export {}
