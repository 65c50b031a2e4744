import http from 'node:http'
import { inject } from 'vitest'

export interface EarlyAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  /** How many body bytes the client had sent when the answer arrived. */
  bytesSent: number
}

/**
 * Sends a request whose body trickles out in chunks (`chunkBytes` every `intervalMs`, up to
 * `totalBytes`) and resolves with the server's answer as soon as it arrives, then stops sending.
 * A server that reads the whole body first cannot answer before all of it is sent; one that
 * refuses early answers after a fraction. `declaredLength` sends a Content-Length (else chunked).
 */
export function sendTrickle(options: {
  method: string
  path: string
  headers?: Record<string, string>
  chunkBytes: number
  totalBytes: number
  intervalMs?: number
  declaredLength?: number
  /** The first bytes of the body (e.g. the start of a JSON object); the rest is filler. */
  prefix?: string
}): Promise<EarlyAnswer> {
  const url = new URL(options.path, inject('cmsUrl'))
  const headers: Record<string, string | number> = { ...options.headers }
  if (options.declaredLength !== undefined) headers['content-length'] = options.declaredLength
  return new Promise((resolve, reject) => {
    let bytesSent = 0
    let answered = false
    let timer: NodeJS.Timeout | undefined
    const req = http.request(url, { method: options.method, headers }, (res) => {
      answered = true
      if (timer) clearTimeout(timer)
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesSent })
      })
      res.on('error', reject)
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the connection after answering; only a failure before any answer counts.
      if (!answered) reject(error)
    })
    const filler = Buffer.alloc(options.chunkBytes, 0x61)
    const prefix = Buffer.from(options.prefix ?? '')
    const sendNext = () => {
      if (answered) return
      if (bytesSent >= options.totalBytes) {
        req.end()
        return
      }
      const chunk = bytesSent === 0 && prefix.length > 0 ? Buffer.concat([prefix, filler]).subarray(0, options.chunkBytes) : filler
      bytesSent += chunk.length
      req.write(chunk, () => {
        timer = setTimeout(sendNext, options.intervalMs ?? 5)
      })
    }
    req.flushHeaders()
    sendNext()
  })
}

/** Sends a request with a raw path (no URL normalisation) and any method Node can send. */
export function rawRequest(method: string, rawPath: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const base = new URL(inject('cmsUrl'))
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, method, path: rawPath, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      res.on('error', reject)
    })
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}
