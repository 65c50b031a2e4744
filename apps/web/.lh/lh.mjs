import lighthouse from 'lighthouse'
import { writeFileSync } from 'node:fs'
const [url, port, out] = process.argv.slice(2)
const r = await lighthouse(url, { port: Number(port), output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableFullPageScreenshot: true })
const a = r.lhr.audits
console.log('perf', r.lhr.categories.performance.score, 'FCP', a['first-contentful-paint'].numericValue|0, 'LCP', a['largest-contentful-paint'].numericValue|0, 'SI', a['speed-index'].numericValue|0, 'TBT', a['total-blocking-time'].numericValue|0, 'CLS', a['cumulative-layout-shift'].numericValue)
const el = a['largest-contentful-paint-element']?.details?.items
console.log(JSON.stringify(el, null, 0).slice(0, 1500))
if (out) { writeFileSync(out + '.lhr.json', JSON.stringify(r.lhr)); writeFileSync(out + '.trace.json', JSON.stringify(r.artifacts.Trace)); writeFileSync(out + '.devtools.json', JSON.stringify(r.artifacts.DevtoolsLog)) }
