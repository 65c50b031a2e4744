import type { FlattenedField, SanitizedConfig } from 'payload'
import { recordCases } from '@clinic/test-support'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from './helpers/config'
import { testDatabase } from './helpers/database'
import { rest } from './helpers/rest'

/**
 * The request guard, per field type: every queryable field of every collection, found by walking
 * the Payload config (nothing listed by hand), with each operator its type allows. A good value
 * gets a 200; a wrong value gets a 400 whose message names the field. A new field, or a new
 * collection, joins these cases by existing.
 */

const config: SanitizedConfig = await loadConfig()

/** Operators per field type: the ones Payload's own admin offers for that type (WhereBuilder). */
const equality = ['equals', 'not_equals', 'in', 'not_in', 'exists']
const comparisons = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const operatorsByType: Record<string, string[]> = {
  text: [...equality, 'like', 'not_like', 'contains'],
  textarea: [...equality, 'like', 'not_like', 'contains'],
  code: [...equality, 'like', 'not_like', 'contains'],
  email: [...equality, 'contains'],
  number: [...equality, ...comparisons],
  date: [...equality, ...comparisons],
  checkbox: ['equals', 'not_equals', 'exists'],
  select: equality,
  radio: equality,
  relationship: equality,
  upload: equality,
  id: equality,
}
const containerTypes = new Set(['array', 'group', 'blocks', 'tab'])

const idFormat = testDatabase === 'mongodb' ? 'objectId' : 'number'
const goodId = idFormat === 'number' ? '12' : '665f1c2e9b1d8a0012345678'
const badId = idFormat === 'number' ? 'abc' : '12345'

interface QueryField {
  /** Dotted path as a query names it, e.g. "durations.minutes". */
  path: string
  type: string
  /** The containers the path goes through, e.g. ["array durations"]. */
  via: string[]
  field?: FlattenedField
}

function childFields(field: FlattenedField): FlattenedField[] {
  if (field.type === 'blocks') return (field.blocks ?? []).flatMap((block) => (typeof block === 'string' ? [] : block.flattenedFields))
  if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) return field.flattenedFields
  return []
}

/** Every field a query can name, containers included (they must be refused, not crash). */
function queryFields(fields: FlattenedField[], prefix = '', via: string[] = []): QueryField[] {
  const found: QueryField[] = []
  const seen = new Set<string>()
  for (const field of fields) {
    // Hidden and virtual fields are not stored or not queryable; a field with read access of its
    // own (a user's sessions: readable only on one's own document) cannot be queried either.
    if (!('name' in field) || field.hidden || ('virtual' in field && field.virtual) || field.access?.read) continue
    const path = `${prefix}${field.name}`
    if (seen.has(path) || field.name === 'id') continue
    seen.add(path)
    if (containerTypes.has(field.type)) {
      found.push({ path, type: field.type, via, field })
      found.push(...queryFields(childFields(field), `${path}.`, [...via, `${field.type} ${path}`]))
    } else if (operatorsByType[field.type]) {
      found.push({ path, type: field.type, via, field })
    }
  }
  return found
}

function isHasMany(field: FlattenedField | undefined): boolean {
  return Boolean(field && 'hasMany' in field && field.hasMany)
}

function values(query: QueryField): { good: string; bad: string; badLabel: string } {
  const field = query.field
  switch (query.type) {
    case 'number':
      return { good: '1', bad: 'abc', badLabel: 'a word' }
    case 'date':
      return { good: '2026-01-31', bad: 'not-a-date', badLabel: 'not a date' }
    case 'checkbox':
      return { good: 'true', bad: 'maybe', badLabel: 'neither true nor false' }
    case 'select':
    case 'radio': {
      const options = field && 'options' in field ? field.options : []
      const first = options[0]
      return { good: typeof first === 'string' ? first : String(first?.value), bad: 'no-such-option', badLabel: 'not an option' }
    }
    case 'relationship':
    case 'upload':
    case 'id':
      return { good: goodId, bad: badId, badLabel: 'not an id' }
    default:
      return { good: 'Sciatica', bad: '', badLabel: 'a nested object' }
  }
}

/** The query string for one operator and value; a text field's wrong value is a nested object. */
function queryFor(query: QueryField, operator: string, value: string, wrong: boolean): string {
  const key = `where[${query.path}][${operator}]`
  if (operator === 'exists') return `${key}=${wrong ? 'maybe' : 'true'}`
  const { good } = values(query)
  const isList = operator === 'in' || operator === 'not_in' || operator === 'all'
  // A list may be sent as in[0]=a&in[1]=b (an object of values); nested one level deeper, it is wrong.
  if (wrong && values(query).bad === '') return isList ? `${key}[0][x]=1` : `${key}[x]=1`
  if (isList) return `${key}=${encodeURIComponent(wrong ? `${good},${value}` : `${value},${value}`)}`
  return `${key}=${encodeURIComponent(value)}`
}

interface Case {
  collection: string
  query: QueryField
  label: string
}

const collections = config.collections.filter((collection) => !collection.slug.startsWith('payload-'))
const cases: Case[] = collections.flatMap((collection) => {
  const fields: QueryField[] = [{ path: 'id', type: 'id', via: [] }, ...queryFields(collection.flattenedFields)]
  return fields.map((query) => ({
    collection: collection.slug,
    query,
    label: `${[...query.via, `${query.type}${isHasMany(query.field) ? ' (many)' : ''} ${query.path}`].join(' › ')}`,
  }))
})

let checked = 0
const typesSeen = new Set<string>()

describe.each(collections.map((collection) => collection.slug))('%s', (collection) => {
  it.each(cases.filter((item) => item.collection === collection).map((item) => [item.label, item] as const))('%s', async (_label, { query }) => {
    typesSeen.add(isHasMany(query.field) && query.type === 'relationship' ? 'relationship (many)' : query.type)
    const fieldName = `“${query.path}”`
    if (containerTypes.has(query.type)) {
      // Not a value: every operator on the container itself is a 400 that says what to query.
      for (const operator of ['equals', 'exists']) {
        checked++
        const url = `/api/${collection}?where[${query.path}][${operator}]=${operator === 'exists' ? 'true' : 'x'}`
        const response = await rest('admin', 'GET', url)
        expect(response.status, `${url} → ${response.text.slice(0, 300)}`).toBe(400)
        expect(response.body?.errors?.[0]?.message, url).toContain(query.path)
      }
      return
    }
    const operators = [...operatorsByType[query.type]!, ...(isHasMany(query.field) && idFormat === 'objectId' ? ['all'] : [])]
    const { good, bad, badLabel } = values(query)
    for (const operator of operators) {
      checked++
      const goodUrl = `/api/${collection}?${queryFor(query, operator, good, false)}`
      const ok = await rest('admin', 'GET', goodUrl)
      expect(ok.status, `a good value for ${query.type} ${query.path}: ${goodUrl} → ${ok.text.slice(0, 300)}`).toBe(200)
      expect(ok.body?.docs, goodUrl).toBeInstanceOf(Array)

      // Text takes any text; like/contains take any text too. Everything else has wrong values.
      checked++
      const badUrl = `/api/${collection}?${queryFor(query, operator, bad, true)}`
      const refused = await rest('admin', 'GET', badUrl)
      const what = `${badLabel} for ${query.type} ${query.path} (${operator}): ${decodeURIComponent(badUrl)} → ${refused.status} ${refused.text.slice(0, 300)}`
      expect(refused.status, what).toBe(400)
      const message: string = refused.body?.errors?.[0]?.message ?? ''
      expect(message, `the message names the field: ${what}`).toContain(fieldName)
      const paths = (refused.body?.errors?.[0]?.data?.errors ?? []).map((problem: { path: string }) => problem.path)
      expect(paths, what).toContain(`where.${query.path}.${operator}`)
    }
    if (bad !== '') {
      // Every type: a nested object where one value belongs (where[_status][equals][x]=1).
      checked++
      const nestedUrl = `/api/${collection}?where[${query.path}][equals][x]=1`
      const nested = await rest('admin', 'GET', nestedUrl)
      expect(nested.status, `a nested object for ${query.type} ${query.path}: ${nestedUrl} → ${nested.status} ${nested.text.slice(0, 300)}`).toBe(400)
      expect(nested.body?.errors?.[0]?.message ?? '', nestedUrl).toContain(fieldName)
    }
  })
})

describe('coverage of the content model', () => {
  it('reaches every field type the brief names', () => {
    for (const type of ['text', 'number', 'date', 'relationship', 'relationship (many)', 'select', 'checkbox', 'upload', 'array', 'group', 'blocks', 'id']) {
      expect([...typesSeen], `no case exercised a ${type} field`).toContain(type)
    }
  })
})

afterAll(() => {
  console.log(`request guard per field type: ${checked} cases checked over ${cases.length} fields of ${collections.length} collections on ${testDatabase}`)
  recordCases(`request guard per field type (${testDatabase})`, checked, `${cases.length} fields of ${collections.length} collections × operators × good/wrong value`)
})
