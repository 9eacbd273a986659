// V8 settings for a long-running server. The server keeps a steady heap (the
// parsed blocks of open documents) and replaces a few objects per keystroke;
// the replaced ones die in the old space, scattered over pages that V8's
// default heuristics rarely evacuate. Measured (scripts/bench.mjs memory
// section, 2,000 papers, 10,000 edits, GC forced before each reading): old
// space 39 MB committed / 26 MB used after the open, 96-116 MB committed /
// 31 MB used after the edits. Compacting on every full GC keeps it at
// 32 / 31 MB. Full GCs are rare (heap growth, memory reducer when idle), and
// compaction of a heap this size adds a few milliseconds to each.

import { setFlagsFromString } from 'node:v8';

/** Evacuate fragmented pages on every full GC, not only when V8's heuristics pick them. */
export const COMPACT_ON_FULL_GC = '--compact-on-every-full-gc';

export function applyHeapFlags(): void {
  setFlagsFromString(COMPACT_ON_FULL_GC);
}
