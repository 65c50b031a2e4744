import { waitFor } from './servers'

export interface Fetched {
  status: number
  headers: Headers
  body: string
}

/** A plain GET, as a visitor's first request or a crawler would make it (no cookies, no cache). */
export async function get(url: string, init: RequestInit = {}): Promise<Fetched> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(60_000), ...init })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" }

/** The text of the first <h1> in an HTML document (tags stripped, entities decoded). */
export function h1Of(html: string): string | undefined {
  const match = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)
  if (!match) return undefined
  return (match[1] ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#?\w+);/g, (all, name: string) => entities[name] ?? all)
    .trim()
}

/**
 * Polls a page of the site until its <h1> is `expected`; returns how long that took. Each poll is
 * a fresh request, as a visitor reloading the page would make.
 */
export async function waitForH1(url: string, expected: string, timeout: number): Promise<number> {
  const started = Date.now()
  let last: string | undefined
  await waitFor(
    async () => {
      const page = await get(url)
      last = `${page.status} "${h1Of(page.body)}"`
      return page.status === 200 && h1Of(page.body) === expected
    },
    { timeout, interval: 200, message: `${url} did not show "${expected}"` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last response: ${last}`)
  })
  return Date.now() - started
}

/**
 * The framework chunks a document's <head> makes a browser load (`<script src="/_next/static/…">`;
 * not the `noModule` polyfills, which today's browsers never fetch).
 */
export function frameworkScriptsInHead(html: string): string[] {
  const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html)?.[0] ?? ''
  return [...head.matchAll(/<script\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !/\bnomodule\b/i.test(tag))
    .map((tag) => /\bsrc="(\/_next\/static\/[^"]+)"/.exec(tag)?.[1])
    .filter((src): src is string => Boolean(src))
}
