import { match } from 'path-to-regexp'
import type { FlattenedField, SanitizedConfig } from 'payload'
import { parse as parseQuery } from 'qs-esm'
import { childFieldNames, containerTypes, queryableFields, resolvePath, type ResolvedPath } from './fields'

/** One thing wrong with a request, named by the parameter or field it concerns. */
export interface Problem {
  path: string
  message: string
}

export interface RequestFacts {
  method: string
  /** Path below the API route, e.g. "/articles/12" or "/globals/site-settings". */
  apiPath: string
  search: string
  contentType: string | null
  /** Raw body for JSON requests; undefined when there is none or it is not JSON. */
  bodyText?: string
  /** How the database spells document ids: numbers (SQLite) or ObjectIds (MongoDB). */
  idFormat: 'number' | 'objectId'
  /** Whether the request carries a valid staff login: anonymous reads get tighter limits. */
  caller?: 'anonymous' | 'staff'
}

const operators = new Set([
  'equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal',
  'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'near', 'within', 'intersects',
])
const listOperators = new Set(['in', 'not_in', 'all'])
const geoOperators = new Set(['near', 'within', 'intersects'])
const textOperators = new Set(['like', 'not_like', 'contains'])

/**
 * The most one request may ask of the CMS (see README, "Request budget"). Anonymous reads get what
 * the site needs: depth 2 (an article with its conditions and their cards) and pages of 100.
 */
export const limits = {
  /** Documents per page for staff (the admin's list views offer up to 100). */
  maxLimit: 1000,
  /** Documents per page for anonymous callers: the site reads at most 100 at a time. */
  anonymousMaxLimit: 100,
  maxPage: 100_000,
  /** Relationship depth for staff; Payload's own `maxDepth` matches it. */
  maxDepth: 5,
  /** Relationship depth for anonymous callers: the deepest read the site makes is 2. */
  anonymousMaxDepth: 2,
  /** and/or levels in one `where`. */
  maxWhereNesting: 5,
  /** Field conditions in one `where`, counted across every and/or branch. */
  maxWhereConditions: 100,
} as const

const isBooleanLike = (value: unknown) => value === true || value === false || value === 'true' || value === 'false'
const isNullLike = (value: unknown) => value === null || value === 'null'

export function isValidId(value: unknown, idFormat: RequestFacts['idFormat']): boolean {
  if (typeof value === 'number') return idFormat === 'number' && Number.isSafeInteger(value) && value > 0
  if (typeof value !== 'string') return false
  if (idFormat === 'number') return /^[1-9]\d{0,15}$/.test(value)
  return /^[a-f\d]{24}$/i.test(value)
}

const idHint = (idFormat: RequestFacts['idFormat']) =>
  idFormat === 'number' ? 'a whole number such as 12' : 'a 24-character id such as 665f1c2e9b1d8a0012345678'

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.split(',')
  if (value && typeof value === 'object') return Object.values(value)
  return [value]
}

/** The value of a select field's option, whether it is given as a string or as { label, value }. */
function optionValues(field: FlattenedField): string[] | undefined {
  if (field.type !== 'select' && field.type !== 'radio') return undefined
  return field.options.map((option) => (typeof option === 'string' ? option : option.value))
}

const describe = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))

/**
 * Checks one value given to an operator against the field it queries. Every message names the
 * field (“where.author.equals: …” alone would leave a person guessing which value was wrong).
 */
export function checkScalar(target: ResolvedPath, value: unknown, path: string, fieldPath: string, facts: RequestFacts): Problem | undefined {
  if (isNullLike(value)) return undefined
  const field = `“${fieldPath}”`
  // A polymorphic relationship is queried by { relationTo, value } pairs: left to Payload.
  if (target.kind === 'field' && 'relationTo' in target.field && Array.isArray(target.field.relationTo)) return undefined
  if (typeof value === 'object') {
    return { path, message: `${field} takes a single value here, not a nested list or object (${describe(value)}).` }
  }
  if (target.kind === 'id') {
    return isValidId(value, facts.idFormat) ? undefined : { path, message: `“${describe(value)}” is not a valid id for ${field}: use ${idHint(facts.idFormat)}.` }
  }
  if (target.kind !== 'field') return undefined
  const { field: definition } = target
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        ? undefined
        : { path, message: `${field} is a number; “${describe(value)}” is not one.` }
    case 'date':
      return (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '' && !Number.isNaN(new Date(value).getTime())
        ? undefined
        : { path, message: `${field} is a date; “${describe(value)}” is not one: use an ISO date such as 2026-01-31 or 2026-01-31T09:00:00Z.` }
    case 'checkbox':
      return isBooleanLike(value) ? undefined : { path, message: `${field} is true or false; “${describe(value)}” is neither.` }
    case 'select':
    case 'radio': {
      const options = optionValues(definition) ?? []
      return options.includes(String(value))
        ? undefined
        : { path, message: `“${describe(value)}” is not an option of ${field}: use one of ${options.join(', ')}.` }
    }
    case 'relationship':
    case 'upload':
      return isValidId(value, facts.idFormat)
        ? undefined
        : { path, message: `“${describe(value)}” is not a valid id for ${field} (${definition.relationTo}): use ${idHint(facts.idFormat)}.` }
    default:
      return undefined
  }
}

function checkCondition(
  config: SanitizedConfig,
  fields: FlattenedField[],
  fieldPath: string,
  condition: unknown,
  facts: RequestFacts,
  problems: Problem[],
): void {
  const where = `where.${fieldPath}`
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
    problems.push({ path: where, message: `Give an operator for “${fieldPath}”, e.g. where[${fieldPath}][equals]=value.` })
    return
  }
  const target = resolvePath(config, fields, fieldPath)
  for (const [operator, value] of Object.entries(condition)) {
    const path = `${where}.${operator}`
    if (!operators.has(operator)) {
      problems.push({ path, message: `“${operator}” is not a query operator. Use one of: ${[...operators].join(', ')}.` })
      continue
    }
    // An array, group or blocks field is not a value: Payload refuses some of these paths and
    // answers others (blocks on SQLite) with a 500.
    if (target.kind === 'field' && containerTypes.has(target.field.type)) {
      const example = childFieldNames(config, target.field)[0] ?? 'name'
      problems.push({
        path,
        message: `“${fieldPath}” holds other fields (${target.field.type}): query one of them, e.g. where[${fieldPath}.${example}][${operator}]=….`,
      })
      continue
    }
    // SQLite's adapter has no “all” operator (Payload answers it with a 500 there); MongoDB has.
    if (operator === 'all' && facts.idFormat === 'number') {
      problems.push({ path, message: `“all” is not available on this database; use “in” for “${fieldPath}” (any of the values).` })
      continue
    }
    if (operator === 'exists') {
      if (!isBooleanLike(value)) problems.push({ path, message: `“exists” on “${fieldPath}” takes true or false, not “${describe(value)}”.` })
      continue
    }
    const fieldType = target.kind === 'field' ? target.field.type : target.kind === 'id' ? 'id' : undefined
    if (geoOperators.has(operator)) {
      if (fieldType !== undefined && fieldType !== 'point') {
        problems.push({ path, message: `“${operator}” works on location fields only; “${fieldPath}” is not one.` })
      }
      continue
    }
    if (textOperators.has(operator) && fieldType && ['number', 'date', 'checkbox', 'id'].includes(fieldType)) {
      problems.push({ path, message: `“${operator}” works on text fields; use equals, in or a comparison for “${fieldPath}”.` })
      continue
    }
    if (textOperators.has(operator)) {
      if (typeof value === 'object' && value !== null) {
        problems.push({ path, message: `“${operator}” on “${fieldPath}” takes a single piece of text, not a nested list or object.` })
      }
      continue
    }
    if (listOperators.has(operator)) {
      for (const item of listOf(value)) {
        const problem = checkScalar(target, item, path, fieldPath, facts)
        if (problem) {
          problems.push(problem)
          break
        }
      }
      continue
    }
    const problem = checkScalar(target, value, path, fieldPath, facts)
    if (problem) problems.push(problem)
  }
}

/** Counts the field conditions in a `where` (every and/or branch), stopping early past `stopAt`. */
export function countWhereConditions(where: unknown, stopAt: number, depth = 0): number {
  if (!where || typeof where !== 'object' || depth > limits.maxWhereNesting + 1) return 0
  let count = 0
  for (const [key, value] of Object.entries(where)) {
    if (count > stopAt) break
    if ((key === 'and' || key === 'or') && value && typeof value === 'object') {
      for (const item of Object.values(value)) count += countWhereConditions(item, stopAt - count, depth + 1)
    } else count++
  }
  return count
}

/** Walks a `where` object: and/or lists and field conditions, checking each value against its field. */
export function checkWhere(
  config: SanitizedConfig,
  fields: FlattenedField[],
  where: unknown,
  facts: RequestFacts,
  problems: Problem[],
  depth = 0,
): void {
  if (depth === 0) {
    const conditions = countWhereConditions(where, limits.maxWhereConditions)
    if (conditions > limits.maxWhereConditions) {
      problems.push({
        path: 'where',
        message: `The query has more than ${limits.maxWhereConditions} conditions. Combine values with “in” (where[field][in]=a,b,c) or split the query.`,
      })
      return
    }
  }
  if (depth > limits.maxWhereNesting) {
    problems.push({ path: 'where', message: `The query nests and/or too deeply (at most ${limits.maxWhereNesting} levels).` })
    return
  }
  if (!where || typeof where !== 'object' || Array.isArray(where)) {
    problems.push({ path: 'where', message: 'where must be an object, e.g. where[title][equals]=Sciatica.' })
    return
  }
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : undefined
      if (!list) {
        problems.push({ path: `where.${key}`, message: `“${key}” takes a list of conditions, e.g. where[${key}][0][title][equals]=x.` })
        continue
      }
      for (const item of list) checkWhere(config, fields, item, facts, problems, depth + 1)
      continue
    }
    checkCondition(config, fields, key, value, facts, problems)
  }
}

function checkInteger(params: Record<string, unknown>, name: string, min: number, max: number, problems: Problem[], who = '') {
  if (!(name in params)) return
  const raw = params[name]
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    problems.push({ path: name, message: `${name} must be a whole number from ${min} to ${max}${who}; got “${String(raw)}”.` })
  }
}

function checkSort(config: SanitizedConfig, fields: FlattenedField[], raw: unknown, problems: Problem[]) {
  const entries = listOf(raw).map((entry) => String(entry).trim())
  for (const entry of entries) {
    const path = entry.replace(/^-/, '')
    if (!/^[A-Za-z_]\w*(\.\w+)*$/.test(path)) {
      problems.push({ path: 'sort', message: `“${entry}” is not a field to sort by. Use a field name, with “-” in front for descending order.` })
      continue
    }
    if (resolvePath(config, fields, path).kind === 'unknown') {
      problems.push({ path: 'sort', message: `Cannot sort by “${path}”: there is no such field.` })
    }
  }
}

/**
 * Depth, limit and page within the budget. A read always comes in pages: `limit=0` and
 * `pagination=false` (which make Payload return every document) are refused on reads; staff bulk
 * writes may still use `limit=0`, as the admin's "delete selected" does, bounded by their `where`.
 */
function checkPaging(facts: RequestFacts, params: Record<string, unknown>, problems: Problem[]): void {
  const anonymous = facts.caller !== 'staff'
  const isRead = facts.method.toUpperCase() === 'GET'
  const maxDepth = anonymous ? limits.anonymousMaxDepth : limits.maxDepth
  const maxLimit = anonymous ? limits.anonymousMaxLimit : limits.maxLimit
  checkInteger(params, 'depth', 0, maxDepth, problems, anonymous ? ' without a staff login' : '')
  checkInteger(params, 'limit', isRead || anonymous ? 1 : 0, maxLimit, problems, anonymous ? ' without a staff login' : '')
  checkInteger(params, 'page', 1, limits.maxPage, problems)
  if (isRead && 'pagination' in params && String(params.pagination) !== 'true') {
    problems.push({ path: 'pagination', message: `Lists come in pages: leave out pagination=false and ask for pages of up to ${maxLimit} with limit and page.` })
  }
}

type Target =
  | { kind: 'collection'; slug: string; endpointPath?: string; params: Record<string, string> }
  | { kind: 'global'; slug: string; rest: string[] }
  | { kind: 'other' }

function locate(config: SanitizedConfig, method: string, apiPath: string): Target {
  const segments = apiPath.split('/').filter(Boolean)
  if (segments[0] === 'globals' && segments[1]) return { kind: 'global', slug: decodeURIComponent(segments[1]), rest: segments.slice(2) }
  const collection = config.collections.find((candidate) => candidate.slug === segments[0])
  if (!collection) return { kind: 'other' }
  const rest = `/${segments.slice(1).join('/')}`
  const endpoints = Array.isArray(collection.endpoints) ? collection.endpoints : []
  for (const endpoint of endpoints) {
    if (endpoint.method.toLowerCase() !== method.toLowerCase()) continue
    const matched = match<Record<string, string>>(endpoint.path, { decode: decodeURIComponent })(rest)
    if (matched) return { kind: 'collection', slug: collection.slug, endpointPath: endpoint.path, params: matched.params }
  }
  return { kind: 'collection', slug: collection.slug, params: {} }
}

const writeMethods = new Set(['POST', 'PATCH', 'PUT'])

function checkBody(facts: RequestFacts, problems: Problem[]): void {
  if (!writeMethods.has(facts.method.toUpperCase())) return
  const type = (facts.contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/json') {
    const text = facts.bodyText ?? ''
    if (text.trim() === '') return
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        problems.push({ path: 'body', message: 'The request body must be a JSON object, e.g. {"title": "…"}.' })
      }
    } catch (error) {
      problems.push({ path: 'body', message: `The request body is not valid JSON (${(error as Error).message}).` })
    }
    return
  }
  if (type === '' || type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') return
  problems.push({
    path: 'content-type',
    message: `Content type “${type}” is not accepted: send JSON (application/json) or a form (multipart/form-data).`,
  })
}

/**
 * Checks a REST request before Payload sees it: ids, `where`, `sort`, paging and depth, and the
 * body's JSON. Payload answers many malformed requests with a 500 on SQLite; this answers them
 * with a 400 that says what to fix, once for every collection and global.
 */
export function checkRequest(config: SanitizedConfig, facts: RequestFacts): { problems: Problem[]; status: 400 | 415 } {
  const problems: Problem[] = []
  checkBody(facts, problems)
  if (problems.some((problem) => problem.path === 'content-type')) return { problems, status: 415 }
  const target = locate(config, facts.method, facts.apiPath)
  if (target.kind === 'other') return { problems, status: 400 }

  let params: Record<string, unknown>
  try {
    params = parseQuery(facts.search.replace(/^\?/, ''), { arrayLimit: 1000, depth: 10 }) as Record<string, unknown>
  } catch {
    return { problems: [{ path: 'query', message: 'The query string could not be read.' }], status: 400 }
  }
  checkPaging(facts, params, problems)

  if (target.kind === 'global') {
    // Payload routes /globals/<slug>/versions[/<id>] for every global and fails with a 500 where
    // the global keeps none (GET as staff threw "Cannot read properties of undefined").
    const global = config.globals?.find((candidate) => candidate.slug === target.slug)
    if (global && target.rest[0] === 'versions' && !global.versions) {
      return { problems: [{ path: 'versions', message: `${target.slug} keeps no versions.` }], status: 400 }
    }
    return { problems, status: 400 }
  }

  // Payload routes /verify/:token for every auth collection and, where email verification is off,
  // queries a column that does not exist: a 500.
  const collectionConfig = config.collections.find((collection) => collection.slug === target.slug)
  if (target.endpointPath?.startsWith('/verify') && !(collectionConfig?.auth as { verify?: unknown } | undefined)?.verify) {
    return { problems: [{ path: 'verify', message: `${target.slug} has no email verification: there is nothing to verify.` }], status: 400 }
  }
  const isVersions = target.endpointPath?.startsWith('/versions') ?? false
  // Payload routes /versions for every collection and fails with a 500 where there are none.
  if (isVersions && !config.collections.find((collection) => collection.slug === target.slug)?.versions) {
    return { problems: [{ path: 'versions', message: `${target.slug} keeps no versions.` }], status: 400 }
  }
  if (target.params.id !== undefined && !isValidId(target.params.id, facts.idFormat)) {
    problems.push({ path: 'id', message: `“${target.params.id}” is not a valid id: use ${idHint(facts.idFormat)}.` })
  }

  const fields = queryableFields(config, target.slug)
  let where = params.where
  if (typeof where === 'string') {
    if (where.trim() === '') where = undefined
    else {
      try {
        where = JSON.parse(where)
      } catch {
        problems.push({ path: 'where', message: 'where is not valid JSON. Send where[field][operator]=value or a JSON object.' })
        where = undefined
      }
    }
  }
  if (where !== undefined) checkWhere(config, fields, where, facts, problems)
  if (typeof params.data === 'string' && params.data !== '') {
    try {
      JSON.parse(params.data)
    } catch {
      problems.push({ path: 'data', message: 'data is not valid JSON.' })
    }
  }
  if (params.sort !== undefined && !isVersions) checkSort(config, fields, params.sort, problems)
  return { problems, status: 400 }
}
