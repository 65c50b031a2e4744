import 'server-only'
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`booking-form:${payload}`).digest('base64url')

/** A one-time key for a rendered form (a double submit sends it twice: one request is stored). */
export const newIdempotencyKey = (): string => randomUUID()

/** The time the form was shown, signed, so a bot cannot claim it waited. */
export function issueFormToken(secret: string, idempotencyKey: string, now = Date.now()): string {
  const payload = `${now}.${idempotencyKey}`
  return `${now}.${sign(secret, payload)}`
}

/** When the form carrying this token and key was shown, or undefined for a forged or mangled token. */
export function formShownAt(secret: string, token: string, idempotencyKey: string): number | undefined {
  const match = /^(\d{10,16})\.([\w-]{20,100})$/.exec(token)
  if (!match) return undefined
  const expected = Buffer.from(sign(secret, `${match[1]}.${idempotencyKey}`))
  const given = Buffer.from(match[2]!)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
  return Number(match[1])
}
