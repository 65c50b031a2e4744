// Mutation testing of the site's code that guards content and secrets (`pnpm test:mutation`):
// Stryker changes the code one small way at a time and runs the unit tests (vitest.config.ts);
// a change no test notices is a "survivor". The clear-text report prints the score per file.
// The preview route's redirect-target check (preview/safe-path.ts) is in; the grant code lives in @clinic/cms-types.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/lib/secret.ts',
    'src/lib/revalidate-request.ts',
    'src/lib/preview/safe-path.ts',
    'src/app/api/revalidate/route.ts',
    'src/lib/seo/json-ld.ts',
    'src/lib/announcement.ts',
    'src/lib/cache-handler/with-purge-guard.mjs',
    'src/lib/cache-handler/purge-log.mjs',
  ],
  ignorePatterns: ['/.next', '/.next-*', '/tests', '/bench', '/.turbo', '/reports'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
