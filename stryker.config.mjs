// StrykerJS 9 (Node 20) for the core and the LSP layer. Run it with
// `npm run mutation` (scripts/mutation.mjs), which also takes `--since <ref>`
// and prints the score per folder. Not part of `npm test` or `.ci/run`.
//
// Runner: the tap runner starts each node:test file with tsx, the way
// scripts/run-tests.mjs does, so no second test framework is needed. The
// tests that spawn the server or the CLI are listed too: in the sandbox the
// bundles are built from the mutated sources (buildCommand), and the tests
// hand each child's coverage to Stryker (test/helpers/stryker.ts).
//
// Order matters: per-test coverage runs the files that reach a mutant in this
// order, and forceBail stops at the first failure, so the fast in-process
// suites come first and the spawning ones last.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['server/src/core/**/*.ts', 'server/src/lsp/**/*.ts'],
  testRunner: 'tap',
  tap: {
    testFiles: [
      'test/core/*.test.ts',
      'test/lsp/trackedDocument.test.ts',
      'test/lsp/keystroke.test.ts',
      'test/lsp/convert.test.ts',
      'test/lsp/crawler.test.ts',
      // These spawn the server bundle.
      'test/lsp/server.test.ts',
      'test/lsp/protocol.test.ts',
      'test/lsp/codeActions.test.ts',
      'test/lsp/completion.test.ts',
      'test/lsp/workspace.test.ts',
      'test/lsp/cancellation.test.ts',
      'test/lsp/locale.test.ts',
      'test/lsp/ruleLinks.test.ts',
      // These spawn the CLI bundle.
      'test/cli/cli.test.ts',
      'test/cli/locale.test.ts',
      'test/cli/formats.test.ts',
    ],
    nodeArgs: ['--import', 'tsx'],
    forceBail: true,
  },
  // The spawning tests run server/out/*.js: build those bundles in the sandbox,
  // from the instrumented sources, so every mutant is live in them too.
  buildCommand: 'node scripts/build.mjs',
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
