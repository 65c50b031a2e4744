import http, { type IncomingMessage, type Server } from 'node:http'
import { sourceKey } from '@clinic/cms-types/source-key'

/**
 * The header that carries the TCP peer's address from the Node server to the route handlers.
 * Next.js gives route handlers no socket, and its own `x-forwarded-for` keeps whatever a client
 * sent, so `installPeerAddressHeader` writes this one on every request, overwriting anything a
 * client put there.
 */
export const peerAddressHeader = 'x-clinic-peer-address'

const installed = Symbol.for('clinic.peerAddressHeader')

/**
 * Makes every HTTP server in this process stamp the peer's address on each request it receives.
 * Called once from instrumentation, before the first request.
 */
export async function installPeerAddressHeader(): Promise<void> {
  const proto = http.Server.prototype as Server & { [installed]?: true }
  if (proto[installed]) return
  proto[installed] = true
  const emit = proto.emit
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const request = args[0] as IncomingMessage
      request.headers[peerAddressHeader] = request.socket?.remoteAddress ?? ''
    }
    return (emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args)
  } as typeof proto.emit
}

/**
 * Where a request comes from. With `trustedProxies` = 0 that is the TCP peer (the header set by
 * `installPeerAddressHeader`); X-Forwarded-For is ignored, since any client can write it. With
 * N trusted proxies, each of which appends the address it received the request from, the client is
 * the Nth entry from the right of X-Forwarded-For: entries further left were written by the client.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  // Without the stamp (a process where instrumentation did not run) the header could be the client's own.
  const stamped = Boolean((http.Server.prototype as Server & { [installed]?: true })[installed])
  const peer = stamped ? (headers.get(peerAddressHeader) ?? '') : ''
  if (trustedProxies > 0) {
    const forwarded = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    const entry = forwarded[forwarded.length - trustedProxies]
    if (entry) return sourceKey(entry)
  }
  const source = sourceKey(peer)
  if (source === 'unknown' && !warned) {
    warned = true
    console.warn('Login throttling: the client address of a request is unknown; such requests share one limit. Is instrumentation running?')
  }
  return source
}

let warned = false
