import { createHash, timingSafeEqual } from 'node:crypto'

/** Compares a presented secret with the expected one in constant time. */
export function secretMatches(presented: string | null | undefined, expected: string): boolean {
  if (!presented) return false
  const a = createHash('sha256').update(presented).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
