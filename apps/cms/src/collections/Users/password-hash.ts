import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2Async = promisify(pbkdf2)

// Payload 3.90's local strategy: `pbkdf2-sha256-v1:` hashes use 600,000 iterations and 32 bytes;
// older hashes (no prefix) 25,000 iterations and 512 bytes. See payload/dist/auth/strategies/local.
const currentPrefix = 'pbkdf2-sha256-v1:'
const current = { iterations: 600_000, keyLength: 32 }
const legacy = { iterations: 25_000, keyLength: 512 }

/** Whether `password` matches a stored Payload hash and salt. */
export async function passwordMatches(stored: { hash?: unknown; salt?: unknown } | null | undefined, password: string): Promise<boolean> {
  if (!stored || typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const isCurrent = stored.hash.startsWith(currentPrefix)
  const { iterations, keyLength } = isCurrent ? current : legacy
  const expected = Buffer.from(isCurrent ? stored.hash.slice(currentPrefix.length) : stored.hash, 'hex')
  const actual = await pbkdf2Async(password, stored.salt, iterations, keyLength, 'sha256')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * Computes (and throws away) the same hash Payload computes to check a password, so a login for an
 * email with no account costs what a login for an existing one costs.
 */
export async function burnPasswordHash(password: string): Promise<void> {
  await pbkdf2Async(password, randomBytes(32).toString('hex'), current.iterations, current.keyLength, 'sha256')
}
