// How the tests that spawn the server or the CLI stay visible to StrykerJS.
//
// They always run the esbuild bundles (server/out/*.js), as an editor or a
// user would. In Stryker's sandbox those bundles are built from the mutated
// sources (`buildCommand` in stryker.config.mjs), and a child inherits
// __STRYKER_ACTIVE_MUTANT__ from this process, so the mutants are live there.
// What the bundle alone cannot do is report coverage: the child records which
// mutants it reached in its own globalThis. So under Stryker the child loads
// strykerChildHook.cjs, which writes that record to a file at exit (during the
// dry run), and this process adds it to its own record, which Stryker's tap
// hook writes out when the test file ends. Per-test coverage then knows that,
// say, test/lsp/server.test.ts reaches the mutants in server/src/lsp/convert.ts.

import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** Stryker's tap runner sets this for every test process it starts. */
const NAMESPACE_ENV = 'STRYKER_NAMESPACE';
const DRY_RUN_ENV = 'STRYKER_DRY_RUN';
/** Where strykerChildHook.cjs writes the child's coverage. */
const COVERAGE_FILE_ENV = 'DIGEST_STRYKER_COVERAGE_FILE';
const CHILD_HOOK = join(REPO_ROOT, 'test', 'helpers', 'strykerChildHook.cjs');

export const UNDER_STRYKER = process.env[NAMESPACE_ENV] !== undefined;

/** Counts per mutant id, as Stryker's instrumented code records them. */
export type CoverageCounts = Record<string, number>;
export interface MutantCoverage {
  static: CoverageCounts;
  perTest: Record<string, CoverageCounts>;
}

/** Adds every count of `from` (static and per test) to `into.static`: to the tap runner a whole test file is one test. */
export function mergeCoverage(into: MutantCoverage, from: Partial<MutantCoverage>): void {
  for (const counts of [from.static ?? {}, ...Object.values(from.perTest ?? {})]) {
    for (const [id, n] of Object.entries(counts)) into.static[id] = (into.static[id] ?? 0) + n;
  }
}

let spawned = 0;

export interface ChildCommand {
  /** Arguments for `process.execPath`, before the entry's own arguments. */
  readonly args: readonly string[];
  /** Extra environment for the child (empty outside Stryker's dry run). */
  readonly env: Record<string, string>;
  /** Call once the child has exited: adds its coverage to this process's. */
  readonly collect: () => void;
}

/** How to start the bundle `bundlePath`: as is, or under Stryker with the coverage hook. */
export function childCommand(bundlePath: string): ChildCommand {
  if (!UNDER_STRYKER) return { args: [bundlePath], env: {}, collect: () => undefined };
  const args = ['--require', CHILD_HOOK, bundlePath];
  if (process.env[DRY_RUN_ENV] !== 'true') return { args, env: {}, collect: () => undefined };
  const file = join(tmpdir(), `digest-stryker-${process.pid}-${++spawned}.json`);
  return { args, env: { [COVERAGE_FILE_ENV]: file }, collect: () => collectCoverage(file) };
}

function collectCoverage(file: string): void {
  if (!existsSync(file)) return;
  const child = JSON.parse(readFileSync(file, 'utf8')) as Partial<MutantCoverage>;
  rmSync(file, { force: true });
  const ns = (globalThis as Record<string, { mutantCoverage?: MutantCoverage } | undefined>)[process.env[NAMESPACE_ENV] ?? '__stryker__'];
  if (!ns) return;
  ns.mutantCoverage ??= { static: {}, perTest: {} };
  mergeCoverage(ns.mutantCoverage, child);
}

/** Starts collecting `child`'s coverage when it exits. */
export function track(child: ChildProcess, command: ChildCommand): void {
  child.on('exit', () => command.collect());
}

/**
 * The signal that ends a server at the end of a test. SIGKILL normally; under
 * Stryker SIGTERM, so the child hook can write its coverage on the way out.
 */
export const KILL_SIGNAL: NodeJS.Signals = UNDER_STRYKER ? 'SIGTERM' : 'SIGKILL';
