/**
 * How many searches this process starts per second. A results page is rendered for every query
 * (~30 ms of the server's one JavaScript thread, and random words are never in a cache), so a flood
 * of made-up queries would otherwise take the thread from every other visitor: a cached page went
 * from ~10 ms to seconds under 400 random searches (issue 18, `pnpm bench`, "bystander under flood").
 *
 * A token bucket, shared by everyone (it bounds the cost, not a visitor: per-address limits are no
 * help against many addresses): `burst` searches at once, then `ratePerSecond`. A search over the
 * rate waits its turn, up to `maxWaitMs`; one that would wait longer is refused at once (503 with
 * Retry-After, src/proxy.ts) rather than queued without end. Behind the front cache, nginx keeps
 * each results page a second as well.
 */
export type Admission = () => Promise<boolean>

export function tokenBucket({ ratePerSecond, burst, maxWaitMs, now = () => performance.now() }: { ratePerSecond: number; burst: number; maxWaitMs: number; now?: () => number }): Admission {
  let tokens = burst
  let last = now()
  return async () => {
    const time = now()
    tokens = Math.min(burst, tokens + ((time - last) / 1000) * ratePerSecond)
    last = time
    // Below zero, tokens are the searches already waiting: this one goes after them.
    const waitMs = tokens >= 1 ? 0 : ((1 - tokens) / ratePerSecond) * 1000
    if (waitMs > maxWaitMs) return false
    tokens -= 1
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
    return true
  }
}

/** The site's searches: 10 at once, then 10 a second, each waiting at most 2 s. */
export const searchLimits = { ratePerSecond: 10, burst: 10, maxWaitMs: 2000 }

// On globalThis: one bucket per process, whichever bundle asks.
const holder = globalThis as { __clinicSearchAdmission?: Admission }
export const admitSearch: Admission = () => (holder.__clinicSearchAdmission ??= tokenBucket(searchLimits))()

/** Seconds a refused search should wait before trying again. */
export const searchRetryAfterSeconds = 5
