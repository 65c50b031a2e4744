import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { freePort } from '@clinic/test-support'

/**
 * A stand-in for the site's `/api/revalidate`: records the tags of each call that carries the shared
 * secret and answers 200. It can stop listening and start again on the same port (the site down
 * during a deploy, then back). The real site's side is tested end to end in apps/web/tests/e2e.
 */
export interface SiteReceiver {
  url: string
  /** The tags of each call received, in order. */
  received: string[][]
  up: () => Promise<void>
  down: () => Promise<void>
}

export async function startSiteReceiver(secret: string, { listening = true } = {}): Promise<SiteReceiver> {
  let port = await freePort()
  let server: Server | undefined
  const received: string[][] = []
  const up = async () => {
    if (server) return
    server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        if (request.url === '/api/revalidate' && request.headers['x-revalidate-secret'] === secret) received.push((JSON.parse(body) as { tags: string[] }).tags)
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
    })
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  }
  const down = async () => {
    const closing = server
    server = undefined
    if (closing) await new Promise((resolve) => (closing.closeAllConnections(), closing.close(resolve)))
  }
  if (listening) await up()
  return { url: `http://127.0.0.1:${port}`, received, up, down }
}
