// Search latency: the site's search engine (src/lib/search/engine.ts, MiniSearch) on synthetic
// corpora of 1,000 and 10,000 documents shaped like the clinic's content. It measures the engine in
// process (index build, memory, query time), which is what a visitor's search costs on top of a page
// render; it needs no servers. The TypeScript module is loaded through Vite's SSR loader (vitest's).
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const words = (
  'back neck shoulder hip knee leg nerve muscle tension pain stiffness massage stretch glute hamstring groin ' +
  'posture desk sitting sleep stress recovery therapy pressure gentle deep tissue swedish myofascial release ' +
  'hot stone floss glide mobility strength breathing warm cool routine daily weekly exercise habit relief'
).split(' ')

/**
 * A deterministic pseudo-random corpus: titles of 3–6 words, summaries of 25, bodies of 400. One
 * word in six is a clinic word above; the rest come from 6,000 made-up words, most often the first
 * ones (a Zipf-like spread, as in real text), so a query matches a realistic share of documents.
 */
function corpus(size) {
  let seed = 42
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'el', 'an', 'or', 'is', 'um', 'ber', 'con', 'dre']
  const vocabulary = Array.from({ length: 6000 }, (_, i) => {
    let word = ''
    for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length]
    return word
  })
  const word = () => (next() < 1 / 6 ? words[Math.floor(next() * words.length)] : vocabulary[Math.floor(vocabulary.length * next() ** 3)])
  const text = (n) => Array.from({ length: n }, word).join(' ')
  const types = ['articles', 'services', 'exercises', 'conditions', 'pages', 'team']
  return Array.from({ length: size }, (_, i) => {
    const type = types[i % types.length]
    return { id: `${type}:${i}`, type, title: `${text(3 + Math.floor(next() * 4))} ${i}`, summary: text(25), body: text(400), url: `/${type}/doc-${i}` }
  })
}

const queries = ['sciatica', 'siatica', 'stretc', 'stretches', 'lower back pain', 'deep tissue massage', 'hamstring floss', 'pinched nerve', 'zzzz']

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

/** Prints index build time, heap growth and query latency (p50/p95 over every query) per corpus size. */
export async function searchLatency(sizes = [1000, 10000], rounds = 20) {
  const { createViteServer } = await import('vitest/node')
  const server = await createViteServer({
    configFile: false,
    root: webDir,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  const results = []
  try {
    const engine = await server.ssrLoadModule(path.join(webDir, 'src/lib/search/engine.ts'))
    const synonyms = [['sciatica', 'pinched nerve', 'sciatic nerve pain']]
    for (const size of sizes) {
      const documents = corpus(size)
      globalThis.gc?.()
      const heapBefore = process.memoryUsage().heapUsed
      const buildStart = performance.now()
      const index = engine.buildSearchIndex(documents)
      const buildMs = performance.now() - buildStart
      const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
      const samples = []
      for (let round = 0; round < rounds; round++) {
        for (const query of queries) {
          const start = performance.now()
          engine.runSearch(index, engine.normaliseQuery(query), { synonyms })
          samples.push(performance.now() - start)
        }
      }
      samples.sort((a, b) => a - b)
      results.push({ size, buildMs, heapMb, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1) })
    }
  } finally {
    await server.close()
  }
  console.log('\nSearch (in-process MiniSearch index, synthetic documents of ~430 words; p50/p95 over ' + `${queries.length} queries × ${rounds})`)
  console.log('  docs    build     heap      p50       p95       max')
  for (const r of results) {
    console.log(
      `  ${String(r.size).padEnd(7)} ${`${r.buildMs.toFixed(0)} ms`.padEnd(9)} ${`${r.heapMb.toFixed(0)} MB`.padEnd(9)} ` +
        `${`${r.p50.toFixed(2)} ms`.padEnd(9)} ${`${r.p95.toFixed(2)} ms`.padEnd(9)} ${r.max.toFixed(2)} ms`,
    )
  }
  return results
}

// `node bench/lib/search.mjs` runs just this part.
if (process.argv[1] === fileURLToPath(import.meta.url)) await searchLatency()
