// Seeded pseudo-random numbers for weights and batch order: the same seed always gives the same run.
// Pure (no tfjs): the engine, and the 2-D lab for its gradient noise. Math.random is never used in either.

/** mulberry32: tiny, fast, 32-bit state; plenty for shuffling and weight init. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream per purpose so adding a draw in one place never shifts another. */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher–Yates shuffle of 0..n-1. */
export function shuffledIndices(n: number, rng: () => number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** `k` distinct integers from 0..n-1, uniformly (Floyd's algorithm: k draws, whatever n is). */
export function sampleDistinct(n: number, k: number, rng: () => number): Uint32Array {
  if (k > n) throw new RangeError(`cannot draw ${k} distinct values from ${n}`);
  const seen = new Set<number>();
  const out = new Uint32Array(k);
  let at = 0;
  for (let j = n - k; j < n; j++) {
    const t = Math.floor(rng() * (j + 1));
    const pick = seen.has(t) ? j : t;
    seen.add(pick);
    out[at++] = pick;
  }
  return out;
}
