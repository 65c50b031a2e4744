// Regenerates the CMS types and the admin import map, and fails if either differs from what is
// committed: generated files are never edited by hand, and a stale copy breaks the site's types.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const files = [
  path.resolve(appDir, '../../packages/cms-types/src/payload-types.ts'),
  path.resolve(appDir, 'src/app/(payload)/admin/importMap.js'),
]
const before = files.map((file) => readFileSync(file, 'utf8'))
execFileSync('pnpm', ['run', '--silent', 'generate:types'], { cwd: appDir, stdio: ['ignore', 'ignore', 'inherit'] })
const stale = files.filter((file, index) => readFileSync(file, 'utf8') !== before[index])
if (stale.length > 0) {
  console.error(`Generated files were stale and have been regenerated:\n  ${stale.join('\n  ')}\nCommit them (pnpm generate:types).`)
  process.exit(1)
}
console.log('Generated CMS types and import map are up to date.')
