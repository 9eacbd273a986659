// The custom protocol of the workspace index, shared by the server and the
// VS Code client (kept free of imports so the client bundle stays small).
// Documented for other clients in docs/workspace.md.

import type { Range } from '../types';

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
  /** `YYYY-MM-DD`, or null for an invalid day heading and for papers above any day heading. */
  readonly date: string | null;
  /** The heading text, e.g. `Daily Papers (2025-05-09)`; the file name for papers above any day heading. */
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

/** Sent by the server, without params, when the index changed; a view asks for `digest/papers` again. */
export const PAPERS_CHANGED_NOTIFICATION = 'digest/papersChanged';

/** A cheap request for the index's state, for clients that wait for the first crawl. */
export const INDEX_STATUS_REQUEST = 'digest/indexStatus';

export interface IndexStatus {
  /** False when `digest.workspace.index` is off. */
  readonly enabled: boolean;
  /** True while the first crawl (or a re-crawl after a settings change) runs. */
  readonly indexing: boolean;
  /** Digests and papers indexed so far. */
  readonly files: number;
  readonly papers: number;
}
