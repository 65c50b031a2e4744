import type { FlattenedField, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { checkRequest, checkScalar, checkWhere, countWhereConditions, isValidId, limits, type Problem, type RequestFacts } from './check-request'
import { childFieldNames, queryableFields, resolvePath } from './fields'

/**
 * The request guard as a pure function, on a small content model shaped like the CMS's: the
 * integration suite (tests/request-guard-fields.test.ts) runs the real config over HTTP; these
 * pin each rule and each message so a changed rule shows up here, fast.
 */

const f = (field: Record<string, unknown>) => field as unknown as FlattenedField

const teamFields = [f({ name: 'name', type: 'text' }), f({ name: 'slug', type: 'text' })]
const articleFields = [
  f({ name: 'title', type: 'text' }),
  f({ name: 'readingTime', type: 'number' }),
  f({ name: 'reviewedAt', type: 'date' }),
  f({ name: 'featured', type: 'checkbox' }),
  f({ name: '_status', type: 'select', options: ['draft', { label: 'Published', value: 'published' }] }),
  f({ name: 'author', type: 'relationship', relationTo: 'team' }),
  f({ name: 'conditions', type: 'relationship', relationTo: 'conditions', hasMany: true }),
  f({ name: 'either', type: 'relationship', relationTo: ['team', 'conditions'] }),
  f({ name: 'heroImage', type: 'upload', relationTo: 'media' }),
  f({ name: 'location', type: 'point' }),
  f({ name: 'durations', type: 'array', flattenedFields: [f({ name: 'minutes', type: 'number' })] }),
  f({ name: 'meta', type: 'group', flattenedFields: [f({ name: 'title', type: 'text' })] }),
  f({ name: 'details', type: 'tab', flattenedFields: [f({ name: 'note', type: 'text' })] }),
  f({
    name: 'layout',
    type: 'blocks',
    blocks: ['a-block-by-reference', { slug: 'hero', flattenedFields: [f({ name: 'heading', type: 'text' })] }],
  }),
  f({ name: 'version', type: 'text' }),
]

const config = {
  collections: [
    {
      slug: 'articles',
      flattenedFields: articleFields,
      versions: { drafts: true },
      // In Payload's order: "/versions" comes before "/:id", which would otherwise take it as an id.
      endpoints: [
        { path: '/count', method: 'get' },
        { path: '/versions', method: 'get' },
        { path: '/', method: 'get' },
        { path: '/:id', method: 'get' },
        { path: '/versions/:id', method: 'get' },
        { path: '/versions/:id', method: 'post' },
        { path: '/:id', method: 'patch' },
      ],
    },
    { slug: 'team', flattenedFields: teamFields, endpoints: false },
    {
      slug: 'services',
      flattenedFields: teamFields,
      versions: false,
      endpoints: [
        { path: '/versions', method: 'get' },
        { path: '/:id', method: 'get' },
        { path: '/versions/:id', method: 'get' },
      ],
    },
  ],
  globals: [
    { slug: 'site-settings', flattenedFields: teamFields, versions: false },
    { slug: 'drafted', flattenedFields: teamFields, versions: { drafts: true } },
  ],
} as unknown as SanitizedConfig

const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  method: 'GET',
  apiPath: '/articles',
  search: '',
  contentType: null,
  idFormat: 'number',
  ...over,
})

const get = (search: string, over: Partial<RequestFacts> = {}) => checkRequest(config, facts({ search: `?${search}`, ...over }))
const messages = (result: { problems: Problem[] }) => result.problems.map((problem) => problem.message)
const only = (result: { problems: Problem[] }) => {
  expect(result.problems, JSON.stringify(result.problems)).toHaveLength(1)
  return result.problems[0]!
}

describe('isValidId', () => {
  it('on SQLite: whole positive numbers, as numbers or digits', () => {
    expect(isValidId(12, 'number')).toBe(true)
    expect(isValidId('12', 'number')).toBe(true)
    expect(isValidId('1234567890123456', 'number')).toBe(true)
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '0', '012', '-3', '1.5', 'abc', '12345678901234567', ' 1', '1a', 'a1', null, undefined, {}]) {
      expect(isValidId(bad, 'number'), String(bad)).toBe(false)
    }
  })
  it('on MongoDB: 24 hexadecimal characters, never a number', () => {
    expect(isValidId('665f1c2e9b1d8a0012345678', 'objectId')).toBe(true)
    expect(isValidId('665F1C2E9B1D8A0012345678', 'objectId')).toBe(true)
    for (const bad of [12, '12', '665f1c2e9b1d8a001234567', '665f1c2e9b1d8a00123456789', 'x65f1c2e9b1d8a0012345678', '665f1c2e9b1d8a001234567x']) {
      expect(isValidId(bad, 'objectId'), String(bad)).toBe(false)
    }
  })
})

describe('resolvePath', () => {
  const resolve = (path: string) => resolvePath(config, articleFields, path)
  it('finds fields, nested fields and ids', () => {
    expect(resolve('title')).toEqual({ kind: 'field', field: articleFields[0] })
    expect(resolve('meta.title')).toMatchObject({ kind: 'field', field: { name: 'title', type: 'text' } })
    expect(resolve('durations.minutes')).toMatchObject({ kind: 'field', field: { type: 'number' } })
    expect(resolve('durations.0.minutes')).toMatchObject({ kind: 'field', field: { type: 'number' } })
    expect(resolve('details.note')).toMatchObject({ kind: 'field', field: { name: 'note' } })
    expect(resolve('layout.heading')).toMatchObject({ kind: 'field', field: { name: 'heading' } })
    expect(resolve('author.name')).toMatchObject({ kind: 'field', field: { name: 'name' } })
    expect(resolve('id')).toEqual({ kind: 'id' })
    expect(resolve('_id')).toEqual({ kind: 'id' })
    expect(resolve('author.id')).toEqual({ kind: 'id' })
  })
  it('knows the system dates, unless a field of that name exists', () => {
    expect(resolve('createdAt')).toMatchObject({ kind: 'field', field: { name: 'createdAt', type: 'date' } })
    expect(resolve('updatedAt')).toMatchObject({ kind: 'field', field: { name: 'updatedAt', type: 'date' } })
    expect(resolve('createdAt.x')).toEqual({ kind: 'unknown' })
    const own = [f({ name: 'createdAt', type: 'text' })]
    expect(resolvePath(config, own, 'createdAt')).toMatchObject({ kind: 'field', field: { type: 'text' } })
  })
  it('skips the "version." prefix of version queries, but not a field named version', () => {
    expect(resolve('version.title'), 'articles here have a field named version').toEqual({ kind: 'unknown' })
    expect(resolvePath(config, teamFields, 'version.name')).toMatchObject({ kind: 'field', field: { name: 'name' } })
    expect(resolvePath(config, teamFields, 'meta.version')).toEqual({ kind: 'unknown' })
    expect(resolve('version')).toMatchObject({ kind: 'field', field: { name: 'version' } })
    expect(resolve('version.x')).toEqual({ kind: 'unknown' })
  })
  it('reports what it cannot follow as unknown', () => {
    for (const path of ['nope', 'title.more', 'id.more', 'either.name', 'conditions.name', 'heroImage.alt', 'meta.nope', '']) {
      expect(resolve(path), path).toEqual({ kind: 'unknown' })
    }
  })
  it('lists queryable fields and a container’s children', () => {
    expect(queryableFields(config, 'articles')).toBe(articleFields)
    expect(queryableFields(config, 'nope')).toEqual([])
    expect(childFieldNames(config, articleFields[10]!)).toEqual(['minutes'])
    expect(childFieldNames(config, articleFields[13]!)).toEqual(['heading'])
    expect(childFieldNames(config, articleFields[0]!)).toEqual([])
    expect(childFieldNames(config, articleFields[5]!)).toEqual(['name', 'slug'])
    expect(childFieldNames(config, f({ name: 'b', type: 'blocks' }))).toEqual([])
  })
})

describe('checkScalar: a wrong value for each field type names the field', () => {
  const field = (name: string) => resolvePath(config, articleFields, name)
  const check = (name: string, value: unknown, idFormat: RequestFacts['idFormat'] = 'number') =>
    checkScalar(field(name), value, `where.${name}.equals`, name, facts({ idFormat }))

  it.each([
    ['readingTime', 'abc', '“readingTime” is a number; “abc” is not one.'],
    ['readingTime', '', '“readingTime” is a number; “” is not one.'],
    ['readingTime', '  ', '“readingTime” is a number; “  ” is not one.'],
    ['readingTime', true, '“readingTime” is a number; “true” is not one.'],
    ['reviewedAt', 'yesterday', '“reviewedAt” is a date; “yesterday” is not one: use an ISO date such as 2026-01-31 or 2026-01-31T09:00:00Z.'],
    ['reviewedAt', ' ', '“reviewedAt” is a date; “ ” is not one: use an ISO date such as 2026-01-31 or 2026-01-31T09:00:00Z.'],
    ['reviewedAt', false, '“reviewedAt” is a date; “false” is not one: use an ISO date such as 2026-01-31 or 2026-01-31T09:00:00Z.'],
    ['featured', 'maybe', '“featured” is true or false; “maybe” is neither.'],
    ['featured', 1, '“featured” is true or false; “1” is neither.'],
    ['_status', 'bogus', '“bogus” is not an option of “_status”: use one of draft, published.'],
    ['author', 'abc', '“abc” is not a valid id for “author” (team): use a whole number such as 12.'],
    ['conditions', '1.5', '“1.5” is not a valid id for “conditions” (conditions): use a whole number such as 12.'],
    ['heroImage', '-1', '“-1” is not a valid id for “heroImage” (media): use a whole number such as 12.'],
    ['id', 'abc', '“abc” is not a valid id for “id”: use a whole number such as 12.'],
    ['title', { x: '1' }, '“title” takes a single value here, not a nested list or object ({"x":"1"}).'],
    ['readingTime', ['1'], '“readingTime” takes a single value here, not a nested list or object (["1"]).'],
  ])('%s = %j', (name, value, message) => {
    expect(check(name, value)).toEqual({ path: `where.${name}.equals`, message })
  })

  it('on MongoDB, ids are ObjectIds', () => {
    expect(check('author', '12', 'objectId')?.message).toBe(
      '“12” is not a valid id for “author” (team): use a 24-character id such as 665f1c2e9b1d8a0012345678.',
    )
    expect(check('id', '665f1c2e9b1d8a0012345678', 'objectId')).toBeUndefined()
  })

  it.each([
    ['readingTime', '12'],
    ['readingTime', '-1.5'],
    ['readingTime', 3],
    ['reviewedAt', '2026-01-31'],
    ['reviewedAt', 1_700_000_000_000],
    ['featured', 'true'],
    ['featured', false],
    ['_status', 'draft'],
    ['_status', 'published'],
    ['author', '12'],
    ['author', 12],
    ['heroImage', '3'],
    ['id', '7'],
    ['title', 'anything at all'],
    ['title', 'null'],
    ['readingTime', null],
    ['either', { relationTo: 'team', value: 1 }],
    ['location', '1,2'],
    ['nope', 'x'],
  ])('%s = %j is fine', (name, value) => {
    expect(check(name, value)).toBeUndefined()
  })
})

describe('where', () => {
  it('checks each operator’s value, and every item of a list', () => {
    expect(only(get('where[readingTime][greater_than]=ten'))).toEqual({
      path: 'where.readingTime.greater_than',
      message: '“readingTime” is a number; “ten” is not one.',
    })
    expect(only(get('where[author][in]=1,abc,def')).message).toContain('“abc” is not a valid id for “author”')
    expect(only(get('where[author][not_in][0]=1&where[author][not_in][1]=x')).message).toContain('“x”')
    expect(only(get('where[conditions][all]=1,abc', { idFormat: 'objectId' })).path).toBe('where.conditions.all')
    expect(get('where[author][in]=1,2,3').problems).toEqual([])
    expect(get('where[author][in][0]=1&where[author][in][1]=2').problems).toEqual([])
    expect(only(get('where[author][in]=5&where[author][equals]=x')).path).toBe('where.author.equals')
  })

  it('a list given as keyed values (in[a]=1&in[b]=2) is checked item by item', () => {
    expect(get('where[author][in][a]=1&where[author][in][b]=2').problems).toEqual([])
    expect(only(get('where[author][in][a]=1&where[author][in][b]=x')).message).toContain('“x”')
  })

  it('a paging value given as a list is refused, not a crash', () => {
    expect(only(get('limit[]=5')).message).toBe('limit must be a whole number from 1 to 100 without a staff login; got “5”.')
    expect(only(get('depth[]=1', { caller: 'staff' })).message).toBe('depth must be a whole number from 0 to 5; got “1”.')
  })

  it('reports only the first wrong item of a list', () => {
    expect(get('where[author][in]=a,b,c').problems).toHaveLength(1)
  })

  it('refuses unknown operators, naming the ones there are', () => {
    const problem = only(get('where[title][bigger]=1'))
    expect(problem.path).toBe('where.title.bigger')
    expect(problem.message).toMatch(/^“bigger” is not a query operator\. Use one of: equals, not_equals, in, not_in, all, exists, /)
    expect(problem.message).toContain('near, within, intersects.')
  })

  it('exists takes true or false', () => {
    expect(get('where[title][exists]=true').problems).toEqual([])
    expect(get('where[title][exists]=false').problems).toEqual([])
    expect(only(get('where[title][exists]=maybe')).message).toBe('“exists” on “title” takes true or false, not “maybe”.')
    expect(only(get('where[readingTime][exists]=1'))).toMatchObject({ path: 'where.readingTime.exists' })
  })

  it('location operators work on location fields only', () => {
    expect(get('where[location][near]=1,2,3').problems).toEqual([])
    expect(get('where[nope][within]=x').problems).toEqual([])
    for (const operator of ['near', 'within', 'intersects']) {
      expect(only(get(`where[reviewedAt][${operator}]=1,2`)).message).toBe(`“${operator}” works on location fields only; “reviewedAt” is not one.`)
    }
    expect(only(get('where[id][near]=1,2')).message).toContain('“id” is not one')
  })

  it('text operators work on text: not on numbers, dates, checkboxes or ids', () => {
    for (const name of ['readingTime', 'reviewedAt', 'featured', 'id']) {
      for (const operator of ['like', 'not_like', 'contains']) {
        expect(only(get(`where[${name}][${operator}]=x`)).message).toBe(
          `“${operator}” works on text fields; use equals, in or a comparison for “${name}”.`,
        )
      }
    }
    expect(get('where[title][like]=sciatica&where[title][contains]=x&where[title][not_like]=y').problems).toEqual([])
    expect(get('where[_status][like]=dra').problems).toEqual([])
    expect(get('where[nope][like]=x').problems).toEqual([])
    expect(only(get('where[title][like][x]=1')).message).toBe('“like” on “title” takes a single piece of text, not a nested list or object.')
  })

  it('refuses a query on an array, group, tab or blocks field itself, suggesting a field inside', () => {
    expect(only(get('where[layout][exists]=true')).message).toBe(
      '“layout” holds other fields (blocks): query one of them, e.g. where[layout.heading][exists]=….',
    )
    expect(only(get('where[durations][equals]=1')).message).toBe(
      '“durations” holds other fields (array): query one of them, e.g. where[durations.minutes][equals]=….',
    )
    expect(only(get('where[meta][equals]=1')).message).toContain('(group)')
    expect(only(get('where[details][equals]=1')).message).toContain('(tab)')
    expect(get('where[meta.title][equals]=x').problems).toEqual([])
  })

  it('“all” is refused on SQLite (its adapter has none), allowed on MongoDB', () => {
    expect(only(get('where[conditions][all]=1'))).toEqual({
      path: 'where.conditions.all',
      message: '“all” is not available on this database; use “in” for “conditions” (any of the values).',
    })
    expect(get('where[conditions][all]=665f1c2e9b1d8a0012345678', { idFormat: 'objectId' }).problems).toEqual([])
  })

  it('an operator is needed, and and/or take lists', () => {
    expect(only(get('where[title]=x'))).toEqual({ path: 'where.title', message: 'Give an operator for “title”, e.g. where[title][equals]=value.' })
    expect(only(get('where[and]=oops'))).toEqual({
      path: 'where.and',
      message: '“and” takes a list of conditions, e.g. where[and][0][title][equals]=x.',
    })
    expect(only(get('where[or]=oops')).path).toBe('where.or')
    expect(get('where[or][0][title][equals]=a&where[or][1][readingTime][equals]=2').problems).toEqual([])
    expect(only(get('where[and][0][readingTime][equals]=x')).path).toBe('where.readingTime.equals')
    expect(only(get('where[and][0][or][0][readingTime][equals]=x')).path).toBe('where.readingTime.equals')
  })

  it('and/or given as a JSON array are walked too', () => {
    const problems: Problem[] = []
    checkWhere(config, articleFields, { and: [{ readingTime: { equals: 'x' } }, { title: { equals: 'ok' } }] }, facts(), problems)
    expect(problems.map((problem) => problem.path)).toEqual(['where.readingTime.equals'])
  })

  it(`limits nesting to ${limits.maxWhereNesting} levels of and/or`, () => {
    expect(limits.maxWhereNesting).toBe(5)
    let where: Record<string, unknown> = { title: { equals: 'x' } }
    for (let level = 0; level < 5; level++) where = { and: [where] }
    const ok: Problem[] = []
    checkWhere(config, articleFields, where, facts(), ok)
    expect(ok).toEqual([])
    const deep: Problem[] = []
    checkWhere(config, articleFields, { or: [where] }, facts(), deep)
    expect(deep).toEqual([{ path: 'where', message: 'The query nests and/or too deeply (at most 5 levels).' }])
    // Over HTTP: as keyed lists (the query string parser, like Payload's, reads 10 brackets deep)
    // and as JSON, which is the only way to send 5 levels and more.
    expect(get(`where${'[and][0]'.repeat(4)}[title][equals]=x`).problems).toEqual([])
    expect(get(`where=${encodeURIComponent(JSON.stringify(where))}`).problems).toEqual([])
    expect(only(get(`where=${encodeURIComponent(JSON.stringify({ and: [where] }))}`)).message).toBe(
      'The query nests and/or too deeply (at most 5 levels).',
    )
  })

  it(`allows at most ${limits.maxWhereConditions} conditions, counted across every and/or branch`, () => {
    expect(limits.maxWhereConditions).toBe(100)
    const conditions = (count: number) => Array.from({ length: count }, (_, index) => ({ title: { equals: `t${index}` } }))
    const check = (where: unknown) => {
      const problems: Problem[] = []
      checkWhere(config, articleFields, where, facts(), problems)
      return problems
    }
    expect(check({ or: conditions(100) })).toEqual([])
    expect(check({ or: conditions(101) })).toEqual([
      {
        path: 'where',
        message: 'The query has more than 100 conditions. Combine values with “in” (where[field][in]=a,b,c) or split the query.',
      },
    ])
    // Spread over branches and levels, they add up; a wrong value is not even looked at then.
    expect(check({ and: [{ or: conditions(50) }, { or: conditions(50) }] })).toEqual([])
    expect(check({ and: [{ or: conditions(50) }, { or: [...conditions(50), { readingTime: { equals: 'x' } }] }] })).toHaveLength(1)
    expect(check({ readingTime: { equals: 'x' }, and: [{ or: conditions(99) }] })[0]!.path).toBe('where.readingTime.equals')
    expect(check({ readingTime: { equals: 'x' }, and: [{ or: conditions(100) }] })).toEqual([
      expect.objectContaining({ path: 'where', message: expect.stringContaining('more than 100 conditions') }),
    ])
  })

  it('counts conditions: one per field, whatever its operators, and stops early once past the limit', () => {
    expect(countWhereConditions(undefined, 100)).toBe(0)
    expect(countWhereConditions('x', 100)).toBe(0)
    expect(countWhereConditions({}, 100)).toBe(0)
    expect(countWhereConditions({ title: { equals: 'a', like: 'b' }, readingTime: { equals: 1 } }, 100)).toBe(2)
    expect(countWhereConditions({ and: [{ title: { equals: 'a' } }, { or: { 0: { a: 1 }, 1: { b: 1 } } }] }, 100)).toBe(3)
    expect(countWhereConditions({ and: 'oops' }, 100), 'a malformed and/or still counts once').toBe(1)
    const many = { or: Array.from({ length: 50 }, () => ({ a: 1 })) }
    expect(countWhereConditions(many, 100)).toBe(50)
    expect(countWhereConditions(many, 10)).toBe(11)
    expect(countWhereConditions({ a: 1, b: 1, c: 1, d: 1 }, 1)).toBe(2)
    // Deeper than the nesting limit allows is refused for its depth, not counted.
    let deep: Record<string, unknown> = { a: 1 }
    for (let level = 0; level < 7; level++) deep = { and: [deep] }
    expect(countWhereConditions(deep, 100)).toBe(0)
    let allowed: Record<string, unknown> = { a: 1 }
    for (let level = 0; level < 6; level++) allowed = { and: [allowed] }
    expect(countWhereConditions(allowed, 100)).toBe(1)
  })

  it('where must be an object', () => {
    for (const where of [null, 'x', ['a']]) {
      const problems: Problem[] = []
      checkWhere(config, articleFields, where, facts(), problems)
      expect(problems).toEqual([{ path: 'where', message: 'where must be an object, e.g. where[title][equals]=Sciatica.' }])
    }
  })

  it('accepts where as JSON, and says when that JSON is broken', () => {
    expect(get(`where=${encodeURIComponent('{"readingTime":{"equals":"x"}}')}`).problems.map((problem) => problem.path)).toEqual(['where.readingTime.equals'])
    expect(only(get('where={broken'))).toEqual({ path: 'where', message: 'where is not valid JSON. Send where[field][operator]=value or a JSON object.' })
    expect(get('where=').problems).toEqual([])
    expect(get('where=%20').problems).toEqual([])
  })

  it('a value that is an object where one value belongs is refused, naming the field', () => {
    expect(only(get('where[_status][equals][x]=1'))).toEqual({
      path: 'where._status.equals',
      message: '“_status” takes a single value here, not a nested list or object ({"x":"1"}).',
    })
    expect(get('where[title][equals]=null&where[readingTime][equals]=null').problems).toEqual([])
  })
})

describe('paging and depth for anonymous callers: what the site needs', () => {
  const refused = (name: string, value: string, min: number, max: number) => ({
    path: name,
    message: `${name} must be a whole number from ${min} to ${max} without a staff login; got “${value}”.`,
  })

  it('the limits are the README’s', () => {
    expect(limits).toMatchObject({ anonymousMaxDepth: 2, anonymousMaxLimit: 100, maxDepth: 5, maxLimit: 1000, maxPage: 100_000 })
  })

  it.each([
    ['depth', '-1', 0, 2],
    ['depth', '3', 0, 2],
    ['depth', '5', 0, 2],
    ['limit', '0', 1, 100],
    ['limit', '-1', 1, 100],
    ['limit', '101', 1, 100],
    ['limit', 'ten', 1, 100],
    ['limit', '1.5', 1, 100],
    ['limit', '', 1, 100],
  ])('%s=%s is refused', (name, value, min, max) => {
    expect(only(get(`${name}=${value}`))).toEqual(refused(name, value, min, max))
    expect(only(get(`${name}=${value}`, { caller: 'anonymous' }))).toEqual(refused(name, value, min, max))
  })

  it.each([
    ['page', '0'],
    ['page', String(limits.maxPage + 1)],
  ])('%s=%s is refused (pages are the same for everyone)', (name, value) => {
    const expected = { path: name, message: `${name} must be a whole number from 1 to 100000; got “${value}”.` }
    expect(only(get(`${name}=${value}`))).toEqual(expected)
    expect(only(get(`${name}=${value}`, { caller: 'staff' }))).toEqual(expected)
  })

  it.each([
    ['depth', '0'],
    ['depth', '2'],
    ['limit', '1'],
    ['limit', '100'],
    ['limit', ' 5 '],
    ['page', '1'],
    ['page', String(limits.maxPage)],
    ['pagination', 'true'],
  ])('%s=%s is fine', (name, value) => {
    expect(get(`${name}=${value}`).problems).toEqual([])
  })

  it('limit=0 (every document) is refused on writes too', () => {
    for (const method of ['PATCH', 'DELETE', 'POST']) {
      expect(only(checkRequest(config, facts({ method, search: '?limit=0' }))), method).toEqual(refused('limit', '0', 1, 100))
    }
  })

  it('pagination=false is refused on reads, naming the largest page', () => {
    const message = 'Lists come in pages: leave out pagination=false and ask for pages of up to 100 with limit and page.'
    expect(only(get('pagination=false'))).toEqual({ path: 'pagination', message })
    expect(only(get('pagination=0')).path).toBe('pagination')
    expect(only(get('pagination=false', { method: 'get' })).path).toBe('pagination')
  })
})

describe('paging and depth for staff: the admin’s lists and bulk edits', () => {
  const staff = (search: string, over: Partial<RequestFacts> = {}) => get(search, { caller: 'staff', ...over })

  it.each([
    ['depth', '-1', 0, 5],
    ['depth', '6', 0, 5],
    ['limit', '0', 1, 1000],
    ['limit', '-1', 1, 1000],
    ['limit', '1001', 1, 1000],
    ['limit', 'ten', 1, 1000],
  ])('reading, %s=%s is refused', (name, value, min, max) => {
    expect(only(staff(`${name}=${value}`))).toEqual({ path: name, message: `${name} must be a whole number from ${min} to ${max}; got “${value}”.` })
  })

  it.each([
    ['depth', '3'],
    ['depth', '5'],
    ['limit', '101'],
    ['limit', '1000'],
    ['pagination', 'true'],
  ])('reading, %s=%s is fine', (name, value) => {
    expect(staff(`${name}=${value}`).problems).toEqual([])
  })

  it('a read in lower case is still a read', () => {
    expect(only(staff('limit=0', { method: 'get' })).message).toBe('limit must be a whole number from 1 to 1000; got “0”.')
  })

  it('bulk writes may use limit=0 (bounded by their where), never more than 1000', () => {
    for (const method of ['PATCH', 'DELETE', 'patch']) {
      expect(staff('limit=0', { method }).problems, method).toEqual([])
      expect(staff('limit=1000&pagination=false', { method }).problems, method).toEqual([])
      expect(only(staff('limit=-1', { method }))).toEqual({ path: 'limit', message: 'limit must be a whole number from 0 to 1000; got “-1”.' })
      expect(only(staff('limit=1001', { method })).message).toBe('limit must be a whole number from 0 to 1000; got “1001”.')
    }
  })

  it('pagination=false is refused on reads, naming the largest page', () => {
    expect(only(staff('pagination=false'))).toEqual({
      path: 'pagination',
      message: 'Lists come in pages: leave out pagination=false and ask for pages of up to 1000 with limit and page.',
    })
  })
})

describe('sort and data', () => {
  it('sort takes existing field names, with “-” for descending', () => {
    expect(get('sort=-reviewedAt').problems).toEqual([])
    expect(get('sort=title,-createdAt').problems).toEqual([])
    expect(get('sort=meta.title').problems).toEqual([])
    expect(only(get('sort=nope'))).toEqual({ path: 'sort', message: 'Cannot sort by “nope”: there is no such field.' })
    expect(only(get('sort=-'))).toEqual({ path: 'sort', message: '“-” is not a field to sort by. Use a field name, with “-” in front for descending order.' })
    expect(only(get('sort=a b')).message).toContain('“a b” is not a field to sort by')
    expect(only(get('sort=1abc')).message).toContain('is not a field to sort by')
    expect(only(get('sort=title.')).message).toContain('is not a field to sort by')
    expect(get('sort[0]=title&sort[1]=-readingTime').problems).toEqual([])
  })

  it('version lists are not sort-checked (their fields are prefixed)', () => {
    expect(get('sort=anything', { apiPath: '/articles/versions' }).problems).toEqual([])
    expect(get('sort=anything', { apiPath: '/articles/versions/12' }).problems).toEqual([])
    expect(only(get('sort=anything', { apiPath: '/articles/count' })).path).toBe('sort')
    expect(only(get('sort=anything', { apiPath: '/articles/12' })).path).toBe('sort')
  })

  it('/versions on a collection that keeps none is a 400 saying so, whatever else is wrong', () => {
    for (const apiPath of ['/services/versions', '/services/versions/12', '/services/versions/abc']) {
      expect(checkRequest(config, facts({ apiPath, search: '?where[x][bogus]=1' })), apiPath).toEqual({
        problems: [{ path: 'versions', message: 'services keeps no versions.' }],
        status: 400,
      })
    }
    expect(checkRequest(config, facts({ apiPath: '/services/12' })).problems).toEqual([])
    expect(checkRequest(config, facts({ apiPath: '/articles/versions' })).problems).toEqual([])
  })

  it('/globals/<slug>/versions on a global that keeps none is a 400 saying so', () => {
    for (const apiPath of ['/globals/site-settings/versions', '/globals/site-settings/versions/12', '/globals/site-settings/versions/abc']) {
      expect(checkRequest(config, facts({ apiPath })), apiPath).toEqual({
        problems: [{ path: 'versions', message: 'site-settings keeps no versions.' }],
        status: 400,
      })
    }
    expect(checkRequest(config, facts({ apiPath: '/globals/site-settings' })).problems).toEqual([])
    expect(checkRequest(config, facts({ apiPath: '/globals/drafted/versions' })).problems).toEqual([])
  })

  it('data must be JSON when given', () => {
    expect(only(get('data={oops'))).toEqual({ path: 'data', message: 'data is not valid JSON.' })
    expect(get('data={"a":1}').problems).toEqual([])
    expect(get('data=').problems).toEqual([])
  })

  it('a query string that cannot be read is a 400', () => {
    // qs-esm throws when asked to build more nesting than it is allowed.
    const result = get('where[%')
    expect(result.status).toBe(400)
  })
})

describe('ids in the path', () => {
  it.each([
    ['GET', '/articles/abc'],
    ['GET', '/articles/versions/abc'],
    ['POST', '/articles/versions/abc'],
    ['PATCH', '/articles/1.5'],
  ])('%s %s is refused', (method, apiPath) => {
    const id = apiPath.split('/').at(-1)
    expect(only(checkRequest(config, facts({ method, apiPath })))).toEqual({ path: 'id', message: `“${id}” is not a valid id: use a whole number such as 12.` })
  })
  it('a good id, or a path that is not a document, passes', () => {
    expect(checkRequest(config, facts({ apiPath: '/articles/12' })).problems).toEqual([])
    expect(checkRequest(config, facts({ method: 'DELETE', apiPath: '/articles/abc' })).problems).toEqual([])
    expect(checkRequest(config, facts({ apiPath: '/team/abc' })).problems).toEqual([])
    expect(checkRequest(config, facts({ apiPath: '/articles/665f1c2e9b1d8a0012345678', idFormat: 'objectId' })).problems).toEqual([])
  })
  it('paths outside collections and globals are left alone', () => {
    expect(checkRequest(config, facts({ apiPath: '/graphql', search: '?limit=-1' }))).toEqual({ problems: [], status: 400 })
    expect(checkRequest(config, facts({ apiPath: '/', search: '?limit=-1' })).problems).toEqual([])
  })
  it('globals get paging and depth checks, not where', () => {
    expect(only(checkRequest(config, facts({ apiPath: '/globals/site-settings', search: '?depth=-1' }))).path).toBe('depth')
    expect(checkRequest(config, facts({ apiPath: '/globals/site-settings', search: '?where[x][bogus]=1' })).problems).toEqual([])
    expect(checkRequest(config, facts({ apiPath: '/globals/site%20settings', search: '?depth=1' })).problems).toEqual([])
  })
})

describe('bodies', () => {
  const post = (bodyText: string | undefined, contentType: string | null, method = 'POST') =>
    checkRequest(config, facts({ method, contentType, bodyText }))

  it('JSON bodies must be objects', () => {
    expect(post('{"title":"x"}', 'application/json').problems).toEqual([])
    expect(post('{"title":"x"}', 'Application/JSON; charset=utf-8').problems).toEqual([])
    expect(post('', 'application/json').problems).toEqual([])
    expect(post('  ', 'application/json').problems).toEqual([])
    expect(post(undefined, 'application/json').problems).toEqual([])
    expect(only(post('[1]', 'application/json'))).toEqual({ path: 'body', message: 'The request body must be a JSON object, e.g. {"title": "…"}.' })
    expect(only(post('null', 'application/json')).path).toBe('body')
    expect(only(post('"text"', 'application/json')).path).toBe('body')
    expect(only(post('{oops', 'application/json')).message).toMatch(/^The request body is not valid JSON \(.+\)\.$/)
    expect(only(post('{oops', 'application/json', 'PATCH')).path).toBe('body')
    expect(only(post('{oops', 'application/json', 'put')).path).toBe('body')
  })

  it('bodies of reads and deletes are not inspected', () => {
    expect(post('{oops', 'application/json', 'GET').problems).toEqual([])
    expect(post('{oops', 'application/xml', 'DELETE').problems).toEqual([])
  })

  it('forms and JSON only: anything else is a 415 that says what to send', () => {
    for (const type of [null, '', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      expect(post('x', type).problems, String(type)).toEqual([])
    }
    const refused = post('<xml/>', 'application/xml')
    expect(refused.status).toBe(415)
    expect(only(refused)).toEqual({
      path: 'content-type',
      message: 'Content type “application/xml” is not accepted: send JSON (application/json) or a form (multipart/form-data).',
    })
    expect(post('x', 'text/plain; charset=utf-8').problems[0]!.message).toContain('“text/plain”')
  })

  it('a bad body and a bad query are reported together, with status 400', () => {
    const result = checkRequest(config, facts({ method: 'POST', contentType: 'application/json', bodyText: '[1]', search: '?limit=-1' }))
    expect(result.status).toBe(400)
    expect(messages(result)).toHaveLength(2)
  })
})
