import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Test files run in child processes, each watched by a thread that names and kills one whose
    // test blocks its event loop past its budget (src/test-watchdog.setup.ts).
    pool: 'forks',
    setupFiles: ['src/test-watchdog.setup.ts'],
    // What src/env.ts reads, fixed so no unit test depends on the machine's environment.
    env: { REVALIDATE_SECRET: 'unit-test-revalidate-secret', PREVIEW_SECRET: 'unit-test-preview-secret', SITE_URL: 'http://site.test' },
  },
})
