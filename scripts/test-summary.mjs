// Adds up the vitest JSON reports in .test-results/ and prints one closing line for the whole
// repository: "N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.test-results')
const totals = { passed: 0, failed: 0, skipped: 0 }
const rows = []
for (const file of existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : []) {
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
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0)
