// StrykerJS 9 (Node 20) for the core and the LSP layer. Run it with
// `npm run mutation` (scripts/mutation.mjs), which also takes `--since <ref>`
// and prints the score per folder. Not part of `npm test` or `.ci/run`.
//
// Runner: the tap runner starts each node:test file with tsx, the way
// scripts/run-tests.mjs does, so no second test framework is needed. Only
// the fast suites that import the sources are listed: the stdio server tests
// run the esbuild bundle, which Stryker's mutants never reach.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['server/src/core/**/*.ts', 'server/src/lsp/**/*.ts'],
  testRunner: 'tap',
  tap: {
    testFiles: ['test/core/*.test.ts', 'test/lsp/trackedDocument.test.ts', 'test/lsp/keystroke.test.ts', 'test/lsp/convert.test.ts'],
    nodeArgs: ['--import', 'tsx'],
    forceBail: true,
  },
  // Each test file is a "test" to Stryker; per-test coverage runs only the files that reach a mutant.
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // Two cores shared with other work: one mutant at a time.
  concurrency: 1,
  timeoutMS: 30_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['.scratch', 'reports', 'client/out', 'server/out', 'test/vscode', '*.vsix', 'docs/images'],
};
