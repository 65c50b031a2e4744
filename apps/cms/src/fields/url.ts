import type { TextField } from 'payload'

/** Accepts a site-relative path ("/book") or an absolute http(s) URL. */
export function validateLink(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'Enter a link as text.'
  if (/^\/(?!\/)[^\s]*$/.test(value)) return true
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
