// Types for scripts/mutation-score.mjs, for the unit test (test/mutation/scores.test.ts).
import type { ReportMutant } from './mutation-batches.mjs';

export interface Equivalent {
  readonly file: string;
  readonly mutator: string;
  readonly original: string;
  readonly replacement: string;
}
export const BATCH_DIR: string;
export function readEquivalents(path?: string): Equivalent[];
export function isEquivalent(equivalents: readonly Equivalent[], file: string, mutant: ReportMutant, source: string): boolean;
export function printScores(reportPath: string, onlyFiles?: readonly string[]): boolean;
export function mutatedFiles(): string[];
export function printCombinedScores(batchDir?: string): boolean;
