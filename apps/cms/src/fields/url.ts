import { linkProblem } from '@clinic/cms-types'
import type { TextField } from 'payload'

/**
 * Accepts a path on the site ("/book"), a fragment ("#prices") or an absolute http(s), mailto or tel URL. A path must stay on
 * the site when a browser resolves it: `/\evil.example` or `//evil.example` would take visitors away
 * (see linkProblem and sitePathProblem in @clinic/cms-types, shared with the site's rich-text renderer).
 */
export function validateLink(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'Enter a link as text.'
  return linkProblem(value) ?? true
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
