/**
 * Adds N published articles to the SQLite database named by DATABASE_URI, in about a second, for
 * tests and benchmarks of the site at scale (issue 10: 10,000 articles). Never for a real database:
 * it writes rows straight into the articles table (no versions, no hooks, no revalidation), which is
 * what makes it fast; the documents read back through REST like any published article.
 *
 *   DATABASE_URI=file:/tmp/x.db node scripts/run-ts.mjs scripts/add-archive-articles.ts --count=10000
 *
 * Slugs are archive-article-<n>; running it again with a larger count adds the missing ones.
 */
import config from '@payload-config'
import { getPayload } from 'payload'
import { paragraphs } from '@/seed/lexical'

const countArg = process.argv.find((arg) => arg.startsWith('--count='))
const count = Number(countArg?.slice('--count='.length) ?? 10_000)
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('add-archive-articles: --count must be a whole number from 1 to 1,000,000.')
  process.exit(2)
}

const payload = await getPayload({ config })
const client = (payload.db as unknown as { client?: { execute: (statement: { sql: string; args: unknown[] }) => Promise<unknown> } }).client
if (!client) {
  payload.logger.error('add-archive-articles: DATABASE_URI must name a SQLite file (it writes rows directly).')
  process.exit(2)
}

try {
  // An author for the articles: the first team member, or a new one.
  const existing = await payload.find({ collection: 'team', limit: 1, depth: 0, overrideAccess: true })
  const author =
    existing.docs[0] ??
    (await payload.create({
      collection: 'team',
      overrideAccess: true,
      data: { name: 'Archive Author', jobTitle: 'Registered massage therapist', bio: 'Writes the archive articles used to test the site at scale.', _status: 'published' },
    }))
  const body = JSON.stringify(
    paragraphs('An archive article, written to measure the site with a large archive. Its words are not meant to be read.'),
  )
  const started = performance.now()
  // One statement: a recursive CTE makes the rows, INSERT OR IGNORE skips slugs already there.
  await client.execute({
    sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT OR IGNORE INTO articles (title, excerpt, body, author_id, reading_time, slug, published_at, updated_at, created_at, _status)
      SELECT 'Archive article ' || i, 'Archive article number ' || i || ', for measuring lists and sitemaps.', ?, ?, 1,
        'archive-article-' || i, strftime('%Y-%m-%dT%H:%M:%fZ', '2020-01-01', '+' || i || ' minutes'),
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'published' FROM n`,
    args: [count, body, author.id],
  })
  const { totalDocs } = await payload.count({ collection: 'articles', where: { _status: { equals: 'published' } }, overrideAccess: true })
  payload.logger.info(`add-archive-articles: done in ${Math.round(performance.now() - started)} ms; ${totalDocs} published articles`)
} catch (error) {
  payload.logger.error({ err: error }, 'add-archive-articles: failed')
  process.exit(1)
}
process.exit(0)
