// Adds up the vitest JSON reports in .test-results/ and prints one closing line for the whole
// repository: "N passed, N failed, N skipped". Table-driven suites (the access matrix, malformed
// requests, the request guard per field type, the content contract …) check many cases per test;
// they record their case counts in .test-results/cases/ (recordCases from @clinic/test-support),
// printed here beside the tests so the count says what it covers.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.test-results')
const jsonFiles = (folder) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : [])

const totals = { passed: 0, failed: 0, skipped: 0 }
const rows = []
for (const file of jsonFiles(dir)) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
  const passed = report.numPassedTests ?? 0
  const failed = (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0)
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  rows.push(`  ${file.replace(/\.json$/, '').padEnd(16)} ${String(passed).padStart(5)} passed ${String(failed).padStart(3)} failed ${String(skipped).padStart(3)} skipped`)
}
console.log(['Test results by suite:', ...rows].join('\n'))

const casesDir = path.join(dir, 'cases')
const tables = jsonFiles(casesDir).map((file) => JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')))
if (tables.length > 0) {
  const width = Math.max(...tables.map((table) => table.suite.length))
  const cases = tables.reduce((sum, table) => sum + table.cases, 0)
  console.log(
    [
      'Table-generated cases (checked inside the tests above):',
      ...tables.map((table) => `  ${table.suite.padEnd(width)} ${String(table.cases).padStart(6)} cases${table.note ? `  ${table.note}` : ''}`),
      `  ${'all tables'.padEnd(width)} ${String(cases).padStart(6)} cases`,
    ].join('\n'),
  )
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0)
