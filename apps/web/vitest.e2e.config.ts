import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Runs the spec files in file-name order: the CMS-down spec (numbered last) stops the CMS. */
class FileNameOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
}

/**
 * End-to-end suite: Chromium (playwright-core) against the production builds of both apps on a
 * fresh seeded SQLite database. `pnpm --filter @clinic/web test:e2e`; needs `pnpm build` first.
 */
export default defineConfig({
  resolve: {
    alias: { '@': path.join(here, 'src') },
  },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser and one pair of servers: files run one after another, in name order.
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { sequencer: FileNameOrder },
    // Generous: a two-core CI machine renders pages and the Payload admin slowly.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: path.join(here, '../../.test-results/web-e2e.json') },
  },
})
