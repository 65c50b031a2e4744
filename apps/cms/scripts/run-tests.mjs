// Runs the CMS test suite on the embedded database (SQLite), then again over the MongoDB wire
// protocol: against MONGODB_TEST_URI when given, otherwise against a throwaway FerretDB built
// from tools/ferretdb (when Go is available). It says plainly when the MongoDB run did not happen.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoDir = path.resolve(appDir, '../..')
const vitest = path.join(appDir, 'node_modules', 'vitest', 'vitest.mjs')
const extraArgs = process.argv.slice(2)
const only = process.env.TEST_DATABASES ?? 'sqlite,mongodb'

function runSuite(label, env, files = []) {
  console.log(`\n━━ CMS tests on ${label} ━━`)
  // Counts go to .test-results/ so CI can print one total for the whole repository.
  const report = path.join(repoDir, '.test-results', `cms-${env.TEST_DATABASE}.json`)
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
  const result = spawnSync(process.execPath, [vitest, 'run', ...files, ...reporters, ...extraArgs], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return result.status ?? 1
}

const outcomes = []
// Unit tests (pure functions, no server): once, before the integration runs, unless the caller
// named particular test files.
if (extraArgs.length === 0) {
  console.log('\n━━ CMS unit tests ━━')
  const report = path.join(repoDir, '.test-results', 'cms-unit.json')
  const unit = spawnSync(process.execPath, [vitest, 'run', '-c', 'vitest.unit.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: appDir,
    stdio: 'inherit',
  })
  outcomes.push(['unit tests', unit.status ?? 1])
}
if (only.includes('sqlite')) {
  outcomes.push(['SQLite (embedded)', runSuite('SQLite (embedded)', { TEST_DATABASE: 'sqlite' })])
}

if (only.includes('mongodb')) {
  let uri = process.env.MONGODB_TEST_URI
  let flavour = 'mongodb'
  let ferret
  if (!uri && process.env.CLINIC_SKIP_FERRETDB !== '1') {
    try {
      const { buildFerretDB, startFerretDB } = await import(path.join(repoDir, 'tools/ferretdb/start.mjs'))
      buildFerretDB()
      ferret = await startFerretDB()
      uri = ferret.uri
      flavour = 'ferretdb'
    } catch (error) {
      console.log(`\nCould not start FerretDB for the MongoDB run: ${error.message.split('\n')[0]}`)
    }
  }
  if (uri) {
    const label = flavour === 'ferretdb' ? 'MongoDB wire protocol (FerretDB 1.24)' : 'MongoDB (MONGODB_TEST_URI)'
    try {
      outcomes.push([label, runSuite(label, { TEST_DATABASE: 'mongodb', MONGODB_TEST_URI: uri, TEST_MONGODB_FLAVOUR: flavour })])
    } finally {
      await ferret?.stop()
    }
  } else {
    console.log(
      '\n━━ CMS tests on MongoDB: NOT RUN ━━\n' +
        'No MongoDB to test against. Set MONGODB_TEST_URI=mongodb://… (a throwaway server), or install Go\n' +
        'so the suite can build and start FerretDB itself (bash tools/ferretdb/build.sh).',
    )
    outcomes.push(['MongoDB', 'not run'])
  }
}

console.log('\n━━ CMS test runs ━━')
for (const [label, status] of outcomes) {
  console.log(`  ${label}: ${status === 'not run' ? 'NOT RUN' : status === 0 ? 'passed' : 'FAILED'}`)
}
process.exit(outcomes.some(([, status]) => status !== 0 && status !== 'not run') ? 1 : 0)
