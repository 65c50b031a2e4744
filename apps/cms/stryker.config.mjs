// Mutation testing of the CMS code that guards patients and content (`pnpm test:mutation`):
// Stryker changes the code one small way at a time and runs the unit tests (vitest.unit.config.ts);
// a change no test notices is a "survivor". The clear-text report prints the score per file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/access/index.ts',
    'src/lib/request-guard/check-request.ts',
    'src/lib/request-guard/fields.ts',
    'src/fields/slug.ts',
    'src/collections/Media/hooks/check-image-file.ts',
    'src/hooks/revalidate-site.ts',
  ],
  // Anchored to this folder: a bare "media" would also drop src/collections/Media.
  ignorePatterns: ['/.next', '/data', '/media', '/tests', '/.turbo', '/reports'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
