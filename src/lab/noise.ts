// Seeded Gaussian gradient noise for the noisy quadratic. Every run of an experiment sees the same
// draws at the same step (common random numbers), so paths differ by their optimizers, not their luck.
import { createRng, deriveSeed } from '../shared/random';
import { MAX_LAB_STEPS } from './settings';

/** The engine draws streams 1–3 of a seed (weights, batch order, pool); the lab takes its own. */
export const LAB_NOISE_STREAM = 10;

const cache = new Map<number, Float64Array>();
const MAX_CACHED = 8;

/**
 * Standard normal draws for step t at [2(t − 1)] (x) and [2(t − 1) + 1] (y), t = 1…MAX_LAB_STEPS,
 * from `seed`: Box–Muller on mulberry32, so the same seed gives the same noise everywhere.
 * Drawn once per seed for the longest path, so changing the step count never changes a draw.
 */
export function gradientNoise(seed: number): Float64Array {
  const hit = cache.get(seed);
  if (hit) return hit;
  const rng = createRng(deriveSeed(seed, LAB_NOISE_STREAM));
  const out = new Float64Array(2 * MAX_LAB_STEPS);
  for (let i = 0; i < out.length; i += 2) {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const angle = 2 * Math.PI * rng();
    out[i] = r * Math.cos(angle);
    out[i + 1] = r * Math.sin(angle);
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(seed, out);
  return out;
}
