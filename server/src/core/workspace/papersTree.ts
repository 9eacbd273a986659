// The data of the "Daily Papers" view, as the custom request returns it:
// days newest first, each with its papers in file order. Any LSP client can
// ask for it (see docs/workspace.md).

import type { Range } from '../types';
import { headingRange } from './crossDay';
import { scoreListing } from './symbolSearch';
import type { IndexedFile } from './workspaceIndex';

/** The custom request's method name. */
export const PAPERS_REQUEST = 'digest/papers';

export interface PapersParams {
  /** Keeps only papers matching this query, as workspace/symbol matches them; days left empty are dropped. */
  readonly query?: string;
}

export interface PaperNode {
  readonly title: string;
  readonly id: string | undefined;
  readonly version: number | undefined;
  readonly votes: string | undefined;
  readonly uri: string;
  /** The paper heading line. */
  readonly range: Range;
}

export interface DayNode {
  /** `YYYY-MM-DD`, or null for an invalid day heading. */
  readonly date: string | null;
  /** The heading text, e.g. `Daily Papers (2025-05-09)`. */
  readonly label: string;
  readonly uri: string;
  readonly line: number;
  readonly papers: readonly PaperNode[];
}

export interface PapersResult {
  /** True while the first crawl of the workspace runs: the list may be incomplete. */
  readonly indexing: boolean;
  readonly days: readonly DayNode[];
}

/** Newest date first; undated days last; then by file and line. */
function newestFirst(a: DayNode, b: DayNode): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.line - b.line;
}

export function papersTree(files: Iterable<IndexedFile>, params: PapersParams = {}, indexing = false): PapersResult {
  const query = params.query?.trim() ?? '';
  const days: DayNode[] = [];
  for (const f of files) {
    for (const d of f.days) {
      const papers = d.papers
        .filter((p) => query === '' || scoreListing(p, query) !== undefined)
        .map((p): PaperNode => ({ title: p.title, id: p.id, version: p.version, votes: p.votes, uri: p.uri, range: headingRange(p) }));
      if (query !== '' && papers.length === 0) continue;
      days.push({ date: d.date ?? null, label: d.text, uri: f.uri, line: d.line, papers });
    }
  }
  return { indexing, days: days.sort(newestFirst) };
}
