/** Small HTTP helpers for the account tests, which run against CMS servers of their own. */

export interface Answer {
  status: number
  body: any
  text: string
  headers: Headers
}

/** POSTs JSON to a CMS, optionally as coming from `source` (an X-Forwarded-For entry). */
export async function post(baseUrl: string, path: string, body: unknown, options: { source?: string; token?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.source) headers['x-forwarded-for'] = options.source
  if (options.token) headers.authorization = `JWT ${options.token}`
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, body: parsed, text, headers: response.headers }
}

/** Logs in; resolves to the answer (status 200 with a token, or the refusal). */
export const login = (baseUrl: string, email: string, password: string, source?: string) =>
  post(baseUrl, '/api/users/login', { email, password }, { source })

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

let sourceCounter = 0
/** A fresh documentation-range address (TEST-NET-3), one per call, so each test has its own source. */
export function newSource(): string {
  sourceCounter += 1
  return `203.0.${113 + Math.floor(sourceCounter / 250)}.${(sourceCounter % 250) + 1}`
}
