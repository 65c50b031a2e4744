import { sitePathProblem } from '@clinic/cms-types'
import type { TextField } from 'payload'

/**
 * Accepts a path on the site ("/book") or an absolute http(s), mailto or tel URL. A path must stay on
 * the site when a browser resolves it: `/\evil.example` or `//evil.example` would take visitors away
 * (see sitePathProblem in @clinic/cms-types).
 */
export function validateLink(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'Enter a link as text.'
  if (value.startsWith('/') || value.startsWith('\\')) return sitePathProblem(value) ?? true
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' || url.protocol === 'tel:') return true
  } catch {
    // fall through to the message below
  }
  return 'Enter a path starting with "/" or a full address starting with https://.'
}

/** A text field holding a link, validated as a path or an absolute URL. */
export function linkField(name: string, overrides: Partial<TextField> = {}): TextField {
  return {
    name,
    type: 'text',
    validate: validateLink,
    ...overrides,
  } as TextField
}
