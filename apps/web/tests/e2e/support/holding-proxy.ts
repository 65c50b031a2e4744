import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import { freePort } from '@clinic/test-support'

/**
 * An HTTP pass-through in front of a real server (the CMS), whose answers to chosen requests can be
 * held back: the request reaches the server at once and is answered there, but the answer is
 * delivered only on `release()`. This is how a test makes a site render read the CMS *before* a
 * publish and finish *after* it, a race that otherwise needs luck.
 */
export interface HoldingProxy {
  url: string
  /** From now on, answers to requests whose path and query match are held. */
  hold: (matches: (pathAndQuery: string) => boolean) => void
  /** How many answers are held right now. */
  held: () => number
  /** Stops holding and delivers every held answer. */
  release: () => void
  close: () => Promise<void>
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const origin = new URL(target)
  let matches: ((pathAndQuery: string) => boolean) | undefined
  const waiting: (() => void)[] = []
  const server: Server = createServer((incoming, outgoing: ServerResponse) => {
    const pathAndQuery = incoming.url ?? '/'
    const holdThis = matches?.(pathAndQuery) ?? false
    const forwarded = request(
      { host: origin.hostname, port: origin.port, method: incoming.method, path: pathAndQuery, headers: { ...incoming.headers, host: origin.host } },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          const deliver = () => {
            const headers: IncomingHttpHeaders = { ...answer.headers }
            delete headers['transfer-encoding']
            headers['content-length'] = String(Buffer.concat(chunks).length)
            outgoing.writeHead(answer.statusCode ?? 502, headers)
            outgoing.end(Buffer.concat(chunks))
          }
          if (holdThis) waiting.push(deliver)
          else deliver()
        })
      },
    )
    forwarded.on('error', () => {
      outgoing.writeHead(502)
      outgoing.end()
    })
    incoming.pipe(forwarded)
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    hold: (match) => {
      matches = match
    },
    held: () => waiting.length,
    release: () => {
      matches = undefined
      for (const deliver of waiting.splice(0)) deliver()
    },
    close: () =>
      new Promise<void>((resolve) => {
        matches = undefined
        for (const deliver of waiting.splice(0)) deliver()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
