// Types for scripts/mutation-batches.mjs, for the unit test (test/mutation/scores.test.ts).

export interface ReportMutant {
  readonly id?: string;
  readonly mutatorName: string;
  readonly status: string;
  readonly replacement?: string;
  readonly location: { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } };
}
export interface ReportFile {
  readonly source: string;
  readonly mutants: readonly ReportMutant[];
}
export interface Batch {
  readonly name: string;
  readonly finishedAt: string;
  readonly seconds?: number;
  readonly files: Record<string, ReportFile>;
}
export type FileState =
  | { readonly file: string; readonly state: 'measured'; readonly batch: string; readonly source: string; readonly mutants: readonly ReportMutant[] }
  | { readonly file: string; readonly state: 'stale'; readonly batch: string }
  | { readonly file: string; readonly state: 'unmeasured' };
export interface FolderRow {
  killed: number;
  survived: number;
  equivalent: number;
  other: number;
}
export interface Entry {
  readonly file: string;
  readonly source: string;
  readonly mutants: readonly ReportMutant[];
}

export function saveBatch(dir: string, report: unknown, meta: { finishedAt: Date; seconds: number; mutate: readonly string[] | 'all'; noMutants?: Record<string, string> }): string;
export function readBatches(dir: string, warn?: (message: string) => void): Batch[];
export function combineBatches(batches: readonly Batch[], current: ReadonlyMap<string, string>, root?: string): Map<string, FileState>;
export function classify(status: string): 'killed' | 'survived' | 'other';
export function tally(
  entries: readonly Entry[],
  isEquivalent: (file: string, mutant: ReportMutant, source: string) => boolean,
): { folders: Map<string, FolderRow>; survivors: { file: string; mutant: ReportMutant; source: string }[] };
export function score(row: FolderRow): number;
export function coverageOfFolders(combined: ReadonlyMap<string, FileState>): Map<string, { measured: number; stale: number; unmeasured: number }>;
