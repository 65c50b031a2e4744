import type { IncomingMessage, Server } from 'node:http'

/**
 * The header that carries the TCP peer's address from the Node server to server actions and route
 * handlers, which get no socket. It is written on every request, over anything a client sent.
 */
export const peerAddressHeader = 'x-clinic-peer-address'

const installed = Symbol.for('clinic.site.peerAddressHeader')

/** Makes every HTTP server in this process stamp the peer's address on each request (idempotent). */
export async function installPeerAddressHeader(): Promise<void> {
  const http = await import('node:http')
  const proto = http.Server.prototype as Server & { [installed]?: true }
  if (proto[installed]) return
  proto[installed] = true
  const emit = proto.emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const request = args[0] as IncomingMessage
      request.headers[peerAddressHeader] = request.socket?.remoteAddress ?? ''
    }
    return emit.call(this, event, ...args)
  } as typeof proto.emit
}

/**
 * Where a request comes from, for rate limits. With no trusted proxy that is the TCP peer: a
 * client-written X-Forwarded-For is ignored, or anyone could pose as a new source per request. With
 * N trusted proxies, each appending the address it received the request from, the client is the
 * Nth entry from the right of X-Forwarded-For.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const forwarded = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    const entry = forwarded[forwarded.length - trustedProxies]
    if (entry) return entry.slice(0, 64)
  }
  return (headers.get(peerAddressHeader) || 'unknown').slice(0, 64)
}
