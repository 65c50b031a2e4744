/** How large a request body may be, by caller and kind (see README, "Request budget"). */
export const bodyLimits = {
  /** Anonymous callers send logins, password resets and GraphQL queries: small JSON. */
  anonymousBytes: 64 * 1024,
  /** Staff JSON and forms: a long article with its rich text is well under this. */
  staffBytes: 1024 * 1024,
  /** What a multipart upload may carry beside the file itself (its fields, boundaries). */
  formOverheadBytes: 1024 * 1024,
} as const

export type BodyRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false }

/**
 * Reads a request body, but never more than `maxBytes`: a declared Content-Length over the limit
 * is refused before a byte is read, and a body without one (chunked) is refused as soon as it
 * passes the limit, without reading the rest.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined)
    return { ok: false }
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return { ok: false }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}
