// Runs a TypeScript script of the CMS (the seed, checks, the database transfer) with the app's
// path aliases, through Vite's SSR module loader: the loader vitest uses.
//
// Why not `payload run`: on Node 20 the ESM loader now and then deadlocks on Lexical 0.50's
// `*.node.mjs` entry points (each is a top-level `await import()`), and the process ends with code
// 0 (or 13) having done nothing: about one run in four of `payload run` here, so a seed or a CI
// check could "pass" without running. Two things avoid it: the `production` export condition,
// which Lexical maps to its plain builds without the top-level await (this runner restarts node
// with it), and Vite's module loader instead of tsx's loader hooks. Node 22 has neither problem;
// go back to `payload run` once the project is on Node 22.
//
//   node scripts/run-ts.mjs <script.ts> [args…]
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const conditions = '--conditions=production'
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

async function run(script, args) {
  const [{ createServer }, { default: tsconfigPaths }] = await Promise.all([import('vite'), import('vite-tsconfig-paths')])
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
}

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('Usage: node scripts/run-ts.mjs <script.ts> [args…]')
  process.exit(2)
}
if (process.execArgv.includes(conditions)) {
  await run(script, args)
} else {
  const child = spawn(process.execPath, [conditions, ...process.execArgv, fileURLToPath(import.meta.url), script, ...args], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
