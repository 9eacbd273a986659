// Ascending offsets (line starts, chunk starts) where an edit moves every
// entry after it. Shifting 300,000 line starts per keystroke was the server
// document's linear cost in a 20,000-paper digest, so the shift is kept
// pending: entries from `from` on read `delta` more than stored. The next
// shift at another index writes only the entries between the two, so typing
// costs the distance between successive edits, not the document's size.

/** Values spliced in place; more are concatenated into a new array. */
const MAX_SPLICED = 1024;

export class ShiftedOffsets {
  private stored: number[];
  private from: number;
  private delta = 0;
  /** Entries written so far, counted across calls; tests read it to show a keystroke stays local. */
  written = 0;

  constructor(values: number[] = []) {
    this.stored = values;
    this.from = values.length;
  }

  get length(): number {
    return this.stored.length;
  }

  at(index: number): number {
    return this.stored[index]! + (index >= this.from ? this.delta : 0);
  }

  /** Index of the last entry <= value, or 0. */
  lastAtOrBefore(value: number): number {
    let lo = 0;
    let hi = this.stored.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at(mid) <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Adds `delta` to every entry from `index` on. */
  shiftFrom(index: number, delta: number): void {
    if (delta === 0 || index >= this.stored.length) return;
    if (this.delta === 0) this.from = index;
    else if (index < this.from) this.write(index, this.from, delta);
    else if (index > this.from) {
      // Entries between the pending start and `index` keep the pending shift only.
      this.write(this.from, index, this.delta);
      this.from = index;
    }
    this.delta += delta;
  }

  /** Sets entry `index` to `value`. */
  set(index: number, value: number): void {
    this.stored[index] = value - (index >= this.from ? this.delta : 0);
    this.written++;
  }

  /** Replaces `count` entries at `start` with `values` (actual values); O(n) when the length changes. */
  splice(start: number, count: number, values: readonly number[]): void {
    if (values.length === count) {
      values.forEach((v, i) => this.set(start + i, v));
      return;
    }
    this.flush();
    // A few values (Enter) splice in place; many are concatenated, as spreading them into splice would exceed the argument limit.
    if (values.length <= MAX_SPLICED) this.stored.splice(start, count, ...values);
    else this.stored = this.stored.slice(0, start).concat(values, this.stored.slice(start + count));
    this.from = this.stored.length;
    this.written += this.stored.length;
  }

  private flush(): void {
    this.write(this.from, this.stored.length, this.delta);
    this.delta = 0;
    this.from = this.stored.length;
  }

  private write(start: number, end: number, delta: number): void {
    for (let i = start; i < end; i++) this.stored[i]! += delta;
    this.written += end - start;
  }
}
