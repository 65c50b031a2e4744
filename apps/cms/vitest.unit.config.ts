import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

/**
 * Unit tests only (`src/**\/*.test.ts`): pure functions, no server and no database. Mutation
 * testing (`pnpm test:mutation`, stryker.config.mjs) runs these many times over.
 */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: 'node',
    execArgv: ['--conditions=production'],
    include: ['src/**/*.test.ts'],
    // Watched like the integration tests (tests/watchdog.setup.ts): a test that blocks its event
    // loop is named and its process killed. The setup file is in src/, which mutation testing copies.
    pool: 'forks',
    setupFiles: ['src/test-watchdog.setup.ts'],
    // What src/env.ts reads, fixed so no unit test depends on the machine's environment.
    env: {
      PAYLOAD_SECRET: 'unit-test-secret-that-is-long-enough-000000',
      SITE_URL: 'http://site.test',
      SITE_REVALIDATE_SECRET: 'unit-test-revalidate-secret',
      SEED_ON_START: 'false',
    },
    reporters: ['default'],
  },
})
