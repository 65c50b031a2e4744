// The CMS at scale: the site's list and page reads over REST, at 100 and at 10,000 articles, on
// the benchmark's throwaway database (apps/cms scripts/add-archive-articles.ts adds the rows).
import path from 'node:path'
import { latency } from './load.mjs'
import { run } from './processes.mjs'

// The site's own queries (apps/web/src/lib/cms/queries.ts): a page of /articles, one article.
const cardFields = ['title', 'slug', 'excerpt', 'heroImage', 'publishedAt', 'readingTime', 'author', 'updatedAt']
export function listQuery(page) {
  const query = new URLSearchParams({ sort: '-publishedAt', depth: '1', limit: '24', page: String(page) })
  for (const field of cardFields) query.set(`select[${field}]`, 'true')
  return `/api/articles?${query}`
}
export const pageQuery = (slug) => `/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=2&limit=1`

async function addArticles(cmsDir, cmsEnv, count) {
  await run(`add ${count} archive articles`, process.execPath, [path.join(cmsDir, 'scripts', 'run-ts.mjs'), 'scripts/add-archive-articles.ts', `--count=${count}`], {
    cwd: cmsDir,
    env: cmsEnv,
  })
}

/**
 * Figures at `counts` archive articles (ascending): list page 1, a middle page, the last page, one
 * article. Deep pages are the ones offset paging makes expensive (every document before the page is
 * walked); the middle page shows the cost at a typical depth, the last page at the greatest. The
 * last page may hold fewer cards than 24 (7 at 103 articles, 19 at 10,003).
 */
export async function restAtScale({ cmsUrl, cmsDir, cmsEnv, counts = [100, 10_000], runs = 30 }) {
  const rows = []
  for (const count of counts) {
    await addArticles(cmsDir, cmsEnv, count)
    const total = (await (await fetch(`${cmsUrl}/api/articles?limit=1&depth=0`)).json()).totalDocs
    const lastPage = Math.max(1, Math.ceil(total / 24))
    const middlePage = Math.ceil(lastPage / 2)
    const first = await latency(`${cmsUrl}${listQuery(1)}`, { runs })
    const middle = await latency(`${cmsUrl}${listQuery(middlePage)}`, { runs })
    const last = await latency(`${cmsUrl}${listQuery(lastPage)}`, { runs })
    const one = await latency(`${cmsUrl}${pageQuery(`archive-article-${Math.ceil(count / 2)}`)}`, { runs })
    const bytes = (await (await fetch(`${cmsUrl}${listQuery(1)}`)).arrayBuffer()).byteLength
    rows.push({
      articles: total,
      listP50: first.p50,
      listMiddlePage: middlePage,
      listMiddleP50: middle.p50,
      listLastPage: lastPage,
      listLastP50: last.p50,
      pageP50: one.p50,
      listBytes: bytes,
    })
  }
  return rows
}

/** Prints the figures of `restAtScale` as a table, with the growth from the first count to the last. */
export function printScale(rows, runs = 30) {
  const ms = (value) => Number(value.toFixed(1))
  const ratio = (a, b) => Number((a / b).toFixed(2))
  console.log(`CMS REST reads the site makes (p50 ms of ${runs}), at ${rows.map((row) => row.articles).join(' and ')} articles:`)
  console.table(
    Object.fromEntries(
      rows.map((row) => [
        `${row.articles} articles`,
        {
          'list p1': ms(row.listP50),
          'list middle page': ms(row.listMiddleP50),
          'list last page': ms(row.listLastP50),
          'one article': ms(row.pageP50),
          'pages (middle, last)': `${row.listMiddlePage}, ${row.listLastPage}`,
          'list KB': Number((row.listBytes / 1024).toFixed(1)),
        },
      ]),
    ),
  )
  if (rows.length >= 2) {
    const [small, large] = [rows[0], rows.at(-1)]
    console.log(
      `  growth: list ${ratio(large.listP50, small.listP50)}×, middle page ${ratio(large.listMiddleP50, small.listMiddleP50)}×, ` +
        `last page ${ratio(large.listLastP50, small.listLastP50)}×, article ${ratio(large.pageP50, small.pageP50)}× (target ≤ 1.5×)`,
    )
  }
}
