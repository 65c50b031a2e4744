import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CollectionSlug, Payload, SelectType } from 'payload'
import { testDatabase } from './helpers/database'
import { bootPayload, shutdownPayload } from './helpers/payload'

/**
 * A deep page of /articles (page 417 at 10,000 articles) must cost about what page 1 does
 * (issue 10, content at scale). That holds only while the database reads the page's order straight
 * from an index: otherwise it sorts every published document before the page's offset on each
 * read. The order is whatever Payload sends, including the tiebreak its adapters add
 * (`-createdAt`), so these tests capture the query Payload makes for a newest-first list read by an
 * anonymous reader and ask the database about it. Every content collection gets the same indexes
 * (collections/content-collection.ts); /articles is the one the site pages through.
 */

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('list-indexes')
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const cardFields = (fields: string[]): SelectType => Object.fromEntries(fields.map((field) => [field, true]))
const collections: { slug: CollectionSlug; select: SelectType }[] = [
  // The site's read of one page of /articles (apps/web/src/lib/cms/queries.ts, listArticlesPage).
  { slug: 'articles', select: cardFields(['title', 'slug', 'excerpt', 'heroImage', 'publishedAt', 'readingTime', 'author', 'updatedAt']) },
  { slug: 'services', select: cardFields(['name', 'slug', 'publishedAt']) },
  { slug: 'exercises', select: cardFields(['name', 'slug', 'publishedAt']) },
  { slug: 'conditions', select: cardFields(['name', 'slug', 'publishedAt']) },
  { slug: 'pages', select: cardFields(['title', 'slug', 'publishedAt']) },
  { slug: 'team', select: cardFields(['name', 'slug', 'publishedAt']) },
]
const cases = collections.flatMap((collection) => [1, 417].map((page) => ({ ...collection, page })))

// Anonymous, so access adds the published filter the site's reads get.
const newestFirst = (slug: CollectionSlug, select: SelectType, page: number) =>
  payload.find({ collection: slug, sort: '-publishedAt', depth: 0, limit: 24, page, select, overrideAccess: false })

type Statement = string | { sql: string; args?: unknown[] }
type SqliteClient = { execute: (statement: Statement) => Promise<{ rows: Record<string, unknown>[] }> }

async function expectSqliteIndexOrder(slug: CollectionSlug, select: SelectType, page: number) {
  const client = (payload.db as unknown as { client: SqliteClient }).client
  const execute = client.execute
  const seen: { sql: string; args: unknown[] }[] = []
  client.execute = (statement) => {
    if (typeof statement !== 'string') seen.push({ sql: statement.sql, args: statement.args ?? [] })
    return execute.call(client, statement)
  }
  try {
    await newestFirst(slug, select, page)
  } finally {
    client.execute = execute
  }
  const read = seen.find(({ sql }) => sql.includes(`from "${slug}"`) && sql.includes('order by'))
  if (!read) throw new Error(`No ordered read of ${slug} among the statements Payload sent:\n${seen.map(({ sql }) => sql).join('\n')}`)
  // What the page asks for: newest first, ties by creation (the adapter's tiebreak).
  expect(read.sql).toContain(`order by "${slug}"."published_at" desc, "${slug}"."created_at" desc`)
  const { rows } = await execute.call(client, { sql: `EXPLAIN QUERY PLAN ${read.sql}`, args: read.args })
  const plan = rows.map((row) => String(row.detail)).join('\n')
  expect(plan, read.sql).not.toMatch(/TEMP B-TREE/)
  expect(plan, read.sql).toMatch(/USING (COVERING )?INDEX \S+ \(_status=\?\)/)
}

type PaginateOptions = { sort?: Record<string, 1 | -1 | 'asc' | 'desc'> }
type MongoModel = {
  paginate: (query: Record<string, unknown>, options: PaginateOptions) => Promise<unknown>
  init: () => Promise<unknown>
  listIndexes: () => Promise<{ name: string; key: Record<string, number> }[]>
}

async function expectMongoIndexOrder(slug: CollectionSlug, select: SelectType, page: number) {
  const model = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[slug]!
  const paginate = model.paginate
  let captured: { query: Record<string, unknown>; options: PaginateOptions } | undefined
  model.paginate = (query, options) => {
    captured = { query, options }
    return paginate.call(model, query, options)
  }
  try {
    await newestFirst(slug, select, page)
  } finally {
    model.paginate = paginate
  }
  if (!captured?.options.sort) throw new Error('Payload did not read the list through Model.paginate with a sort: this test needs another way to see it.')
  const sort = Object.entries(captured.options.sort).map(([field, order]): [string, number] => [field, order === -1 || order === 'desc' ? -1 : 1])
  expect(JSON.stringify(captured.query)).toContain('"_status"')
  expect(sort.map(([field]) => field)).toEqual(['publishedAt', 'createdAt'])
  await model.init()
  const indexes = await model.listIndexes()
  // An index serves the read when its first key is the equality on _status and the next ones are
  // the sort's keys in the same directions, or all reversed (read backwards).
  const serves = (key: Record<string, number>) => {
    const entries = Object.entries(key)
    if (entries[0]?.[0] !== '_status' || entries.length < sort.length + 1) return false
    const rest = entries.slice(1, sort.length + 1)
    const same = rest.every(([field, order], i) => field === sort[i]![0] && order === sort[i]![1])
    const reversed = rest.every(([field, order], i) => field === sort[i]![0] && order === -sort[i]![1])
    return same || reversed
  }
  expect(indexes.filter(({ key }) => serves(key)).map(({ name }) => name), JSON.stringify(indexes)).not.toEqual([])
}

describe(`newest-first lists (${testDatabase})`, () => {
  // SQLite: the plan of the statement Payload sends. MongoDB: an index whose keys are the filter and
  // the sort Payload sends (FerretDB's explain output is not MongoDB's; its index list is).
  it.each(cases)('$slug, page $page, is read in index order, with no sort of the documents before it', async ({ slug, select, page }) => {
    if (testDatabase === 'sqlite') await expectSqliteIndexOrder(slug, select, page)
    else await expectMongoIndexOrder(slug, select, page)
  })
})
