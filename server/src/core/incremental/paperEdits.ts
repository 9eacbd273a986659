// Which papers a keystroke replaced. The parser updates a model's `papers`
// array in place when an edit keeps every paper where it was (copying 20,000
// entries per keystroke was most of a large digest's keystroke cost, with the
// garbage it made), so a consumer that kept the array cannot compare old and
// new entries: they are the same array. The parser logs each entry it
// overwrites instead, and consumers ask the log what changed since they looked.

import type { PlacedPaper } from '../model';

/** Changes kept; a consumer that looked longer ago recomputes everything (it rarely skips more than one version). */
const KEPT = 64;

interface Entry {
  readonly seq: number;
  readonly index: number;
  readonly before: PlacedPaper;
}

class PaperEditLog {
  seq = 0;
  /** Every change with a seq above `floor` is in `entries`. */
  private floor = 0;
  private readonly entries: Entry[] = [];

  record(index: number, before: PlacedPaper): void {
    this.entries.push({ seq: ++this.seq, index, before });
    if (this.entries.length > KEPT) this.floor = this.entries.shift()!.seq;
  }

  /** Index -> the entry it held at `seq`, for every index overwritten since; undefined when the log no longer reaches back. */
  since(seq: number): Map<number, PlacedPaper> | undefined {
    if (seq < this.floor) return undefined;
    const out = new Map<number, PlacedPaper>();
    for (const e of this.entries) if (e.seq > seq && !out.has(e.index)) out.set(e.index, e.before);
    return out;
  }
}

/** Only the parser writes into a papers array, and it logs every write here first. */
const logs = new WeakMap<readonly PlacedPaper[], PaperEditLog>();

/** Overwrites `papers[index]`, logging the entry it replaces. */
export function replacePaperEntry(papers: readonly PlacedPaper[], index: number, next: PlacedPaper): void {
  let log = logs.get(papers);
  if (!log) logs.set(papers, (log = new PaperEditLog()));
  log.record(index, papers[index]!);
  (papers as PlacedPaper[])[index] = next;
}

/** What a consumer saw: an array and how far its log had gone. */
export interface SeenPapers {
  readonly papers: readonly PlacedPaper[];
  readonly seq: number;
}

export function seePapers(papers: readonly PlacedPaper[]): SeenPapers {
  return { papers, seq: logs.get(papers)?.seq ?? 0 };
}

/** Papers changed since `seen`, read from the log of every write since. */
function writtenSince(seen: SeenPapers): Map<number, PlacedPaper> | undefined {
  const log = logs.get(seen.papers);
  return log ? log.since(seen.seq) : new Map();
}

/**
 * The indices whose entries differ between what `seen` held and `papers` now,
 * each with the entry `seen` held. Undefined when that cannot be known cheaply
 * (nothing seen, a different number of papers, or an array written since it was
 * seen and then replaced): the caller recomputes everything.
 */
export function changedPapers(seen: SeenPapers | undefined, papers: readonly PlacedPaper[]): ReadonlyMap<number, PlacedPaper> | undefined {
  if (!seen || seen.papers.length !== papers.length) return undefined;
  const written = writtenSince(seen);
  if (!written || seen.papers === papers) return written;
  // A new array (an edit of another shape): compare entries, which is sound only if the old array still holds what was seen.
  if (written.size > 0) return undefined;
  const old = seen.papers;
  const out = new Map<number, PlacedPaper>();
  for (let i = 0; i < papers.length; i++) if (papers[i] !== old[i]) out.set(i, old[i]!);
  return out;
}
