// Runs a TypeScript script of the CMS (the seed, checks, the database transfer) with the app's
// path aliases, through Vite's SSR module loader: the loader vitest uses here.
//
// Why not `payload run`: on Node 20 its tsx loader deadlocks now and then while importing
// @payloadcms/richtext-lexical, and the process ends with code 0 having done nothing (about one
// run in four here), so a seed or a CI check could "pass" without running. Node 22's loader does
// not have the problem; drop this runner for `payload run` once the project is on Node 22.
//
//   node scripts/run-ts.mjs <script.ts> [args…]
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('Usage: node scripts/run-ts.mjs <script.ts> [args…]')
  process.exit(2)
}
process.argv = [process.argv[0], path.resolve(script), ...args]

const server = await createServer({
  configFile: false,
  root: appDir,
  logLevel: 'error',
  appType: 'custom',
  plugins: [tsconfigPaths({ root: appDir })],
  server: { middlewareMode: true, hmr: false, watch: null, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
})
try {
  await server.ssrLoadModule(path.resolve(script))
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await server.close()
}
