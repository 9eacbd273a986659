// A small seeded PRNG (xorshift32 with a scrambled seed) so fuzz runs are
// reproducible from their seed.

export function xorshift32(seed: number): () => number {
  let x = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  // The first outputs of a fresh state are correlated with the seed.
  for (let i = 0; i < 8; i++) next();
  return next;
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}
