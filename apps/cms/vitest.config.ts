import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: 'node',
    // Lexical's plain builds: its `*.node.mjs` entries (top-level `await import()`) can deadlock
    // Node 20's ESM loader. See scripts/run-ts.mjs.
    execArgv: ['--conditions=production'],
    // Unit tests (src/) run on their own config, without servers: vitest.unit.config.ts.
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Test files run in child processes, each watched by a thread that names and kills one whose
    // test blocks its event loop past its budget (tests/watchdog.setup.ts): a hang fails by name.
    pool: 'forks',
    setupFiles: ['tests/watchdog.setup.ts'],
    // Each file boots Payload on its own database; two at a time suits a two-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
})
