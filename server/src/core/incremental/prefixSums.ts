// Prefix sums over a list of lengths (a Fenwick tree): where each block of a
// document starts, kept so a keystroke that changes one block's length costs
// O(log n) instead of shifting the start of every later block.

export class PrefixSums {
  /** 1-based Fenwick array: tree[i] sums the lengths (i - lowbit(i), i]. */
  private tree: Float64Array;
  private count: number;
  /** Tree cells the last `add` wrote; tests read it to show an update stays O(log n). */
  lastTouched = 0;

  constructor(lengths: ArrayLike<number> = []) {
    this.count = lengths.length;
    this.tree = new Float64Array(lengths.length + 1);
    for (let i = 0; i < lengths.length; i++) this.tree[i + 1] = lengths[i]!;
    // Linear build: each cell passes its sum to its parent once.
    for (let i = 1; i <= this.count; i++) {
      const parent = i + (i & -i);
      if (parent <= this.count) this.tree[parent]! += this.tree[i]!;
    }
  }

  get length(): number {
    return this.count;
  }

  /** Sum of lengths [0, index): where entry `index` starts. `index` may be `length` (the total). */
  startOf(index: number): number {
    let sum = 0;
    for (let i = Math.min(index, this.count); i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  /** Adds `delta` to the length of entry `index`. */
  add(index: number, delta: number): void {
    this.lastTouched = 0;
    if (delta === 0) return;
    for (let i = index + 1; i <= this.count; i += i & -i) {
      this.tree[i]! += delta;
      this.lastTouched++;
    }
  }
}
