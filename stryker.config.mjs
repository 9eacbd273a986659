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
// Order matters: the files that killed most mutants per second of run time
// in earlier batches first, then the rest fastest first (see testFiles).

import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Wall time of each test file, in ms, run alone the way the tap runner runs it
 * (`node -r hook.cjs --import tsx <file>`), measured on 2026-11-25 on this
 * machine under a load average of about 9. Only the order matters: per-test
 * coverage runs the files that reach a mutant in this order, and forceBail
 * stops at the first failing one, so a killed mutant costs the files before its
 * killer. Files not listed (new ones) count as DEFAULT_MS.
 *
 * Fastest first alone is not enough: on lifecycle.ts (54 mutants, all reached
 * only by the spawning tests, killed by server.test.ts and protocol.test.ts)
 * it would run six files that never kill before those two (an estimated
 * 18.2 s of test files per mutant against 11.1 s in the order used).
 */
const MEASURED_MS = {
  'test/core/split.test.ts': 426,
  'test/core/expectations.test.ts': 444,
  'test/lsp/crawler.test.ts': 477,
  'test/core/configSchema.test.ts': 564,
  'test/core/lineText.test.ts': 642,
  'test/core/completion.test.ts': 644,
  'test/core/settings.test.ts': 655,
  'test/lsp/convert.test.ts': 745,
  'test/core/config.test.ts': 762,
  'test/core/workspaceIndex.test.ts': 765,
  'test/core/robustness.test.ts': 779,
  'test/core/labels.test.ts': 780,
  'test/core/examples.test.ts': 808,
  'test/core/suppress.test.ts': 808,
  'test/lsp/completion.test.ts': 834,
  'test/core/workspaceSettings.test.ts': 827,
  'test/core/l10n.test.ts': 883,
  'test/core/arxiv.test.ts': 895,
  'test/core/scanner.test.ts': 976,
  'test/core/hover.test.ts': 1172,
  'test/core/symbols.test.ts': 1174,
  'test/core/folding.test.ts': 1218,
  'test/lsp/ruleLinks.test.ts': 1270,
  'test/lsp/workspace.test.ts': 1475,
  'test/lsp/cancellation.test.ts': 1711,
  'test/core/rules.test.ts': 1804,
  'test/cli/locale.test.ts': 1946,
  'test/core/workspaceIndexMemory.test.ts': 2247,
  'test/lsp/codeActions.test.ts': 2364,
  'test/lsp/locale.test.ts': 2518,
  'test/core/fixAll.test.ts': 3577,
  'test/lsp/keystroke.test.ts': 3621,
  'test/core/fixtures.test.ts': 3940,
  'test/lsp/protocol.test.ts': 4656,
  'test/cli/formats.test.ts': 5767,
  'test/lsp/server.test.ts': 7448,
  'test/core/hardening.test.ts': 7660,
  'test/core/incremental.test.ts': 8114,
  'test/lsp/trackedDocument.test.ts': 8870,
  'test/cli/cli.test.ts': 8908,
  'test/core/fuzz.test.ts': 11883,
};
const DEFAULT_MS = 1000;

const root = new URL('.', import.meta.url).pathname;

/**
 * Mutants each test file killed first, over every kept batch
 * (reports/mutation/batches, see scripts/mutation-batches.mjs). Stryker
 * credits only the first failing file, so this favours the order used then;
 * it still tells the files that kill from those that only cover.
 */
function killsPerFile() {
  const dir = `${root}reports/mutation/batches`;
  const kills = {};
  const seen = new Set();
  if (!existsSync(dir)) return { kills, seen };
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const report = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'));
      const fileOf = {};
      for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) {
        seen.add(file);
        for (const t of tests) fileOf[t.id] = file;
      }
      // Only the files the run mutated: incremental mode carries earlier runs' files too.
      const mutated = report.digestBatch?.mutate;
      for (const [file, { mutants }] of Object.entries(report.files)) {
        if (Array.isArray(mutated) && !mutated.includes(file)) continue;
        for (const m of mutants) for (const id of m.killedBy ?? []) kills[fileOf[id]] = (kills[fileOf[id]] ?? 0) + 1;
      }
    } catch {
      // A broken batch only loses its votes; mutation-score.mjs reports it.
    }
  }
  return { kills, seen };
}

const { kills: KILLS, seen: SEEN } = killsPerFile();
/**
 * A test file no kept batch has run yet goes first: new tests are usually
 * written against the survivors of the last run, so an incremental re-run
 * of those survivors reaches them before the slow files that did not kill.
 */
const isNew = (f) => SEEN.size > 0 && !SEEN.has(f);
const cost = (f) => MEASURED_MS[f] ?? DEFAULT_MS;

const testFiles = [
  // In-process suites that import the sources.
  ...readdirSync(`${root}test/core`).filter((n) => n.endsWith('.test.ts')).map((n) => `test/core/${n}`),
  'test/lsp/trackedDocument.test.ts',
  'test/lsp/keystroke.test.ts',
  'test/lsp/convert.test.ts',
  'test/lsp/crawler.test.ts',
  'test/lsp/lifecycle.test.ts',
  'test/lsp/diagnosticCache.test.ts',
  'test/lsp/shiftedOffsets.test.ts',
  'test/lsp/crawlerL10n.test.ts',
  'test/lsp/framing.test.ts',
  'test/lsp/settingsStore.test.ts',
  'test/lsp/validationTokens.test.ts',
  'test/lsp/fixAllAction.test.ts',
  'test/lsp/documentConfig.test.ts',
  'test/lsp/workspaceIndexer.test.ts',
  'test/lsp/workspaceHandlers.test.ts',
  // These spawn the server bundle.
  'test/lsp/server.test.ts',
  'test/lsp/protocol.test.ts',
  'test/lsp/codeActions.test.ts',
  'test/lsp/completion.test.ts',
  'test/lsp/workspace.test.ts',
  'test/lsp/cancellation.test.ts',
  'test/lsp/locale.test.ts',
  'test/lsp/ruleLinks.test.ts',
  'test/lsp/configLocale.test.ts',
  'test/lsp/workspaceConfig.test.ts',
  'test/lsp/benchHooks.test.ts',
  'test/lsp/ipc.test.ts',
  // These spawn the CLI bundle.
  'test/cli/cli.test.ts',
  'test/cli/locale.test.ts',
  'test/cli/formats.test.ts',
  'test/cli/crossDay.test.ts',
  'test/cli/discovery.test.ts',
  'test/cli/messagesL10n.test.ts',
  'test/cli/sizeCap.test.ts',
  // Literal paths keep the order below (a glob would list in directory order).
  // Most kills per second first; files with no recorded kill after them, fastest first.
].sort((a, b) => Number(isNew(b)) - Number(isNew(a)) || (KILLS[b] ?? 0) / cost(b) - (KILLS[a] ?? 0) / cost(a) || cost(a) - cost(b) || a.localeCompare(b));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['server/src/core/**/*.ts', 'server/src/lsp/**/*.ts'],
  testRunner: 'tap',
  tap: {
    testFiles,
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
  // The dry run runs every test file once (about 5 min here under load); Stryker's default limit is 5 min.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['.scratch', 'reports', 'client/out', 'server/out', 'test/vscode', '*.vsix', 'docs/images'],
};
