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
    reporters: ['default'],
  },
})
