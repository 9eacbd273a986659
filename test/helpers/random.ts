// A seeded pseudo-random generator for tests (mulberry32). The old linear
// congruential one multiplied past 2^53, lost its low bits, and then drew only
// two of eight pieces; tests that use this one assert what they drew.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seeded(seed: number): Random {
  let s = seed >>> 0;
  const next = (): number => {
    // All arithmetic stays in 32-bit integers, so no precision is lost.
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/** How often each value was drawn. */
export class Tally<T> {
  readonly counts = new Map<T, number>();
  add(value: T): T {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    return value;
  }
  get(value: T): number {
    return this.counts.get(value) ?? 0;
  }
}
