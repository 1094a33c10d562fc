// The training pool: how many of the training images a run's batches draw from while MNIST is still
// arriving. Recorded step by step, so a run resumed in a new worker draws exactly the same batches.

/** From `step` (1-based) on, batches draw from the first `images` training images. */
export interface PoolChange {
  step: number;
  images: number;
}

/**
 * A run's pool as recorded so far. Steps before the first change (all steps, when there is none)
 * drew from the whole training set. `through`: the last step known to have trained with exactly
 * these changes; the pool may grow again only after it.
 */
export interface PoolHistory {
  changes: PoolChange[];
  through: number;
}

export const NO_POOL_HISTORY: PoolHistory = { changes: [], through: 0 };

/** Training images `history` has steps draw from at `step`; `full` before any change. */
export function poolSizeAt(history: PoolHistory, step: number, full: number): number {
  let size = full;
  for (const c of history.changes) {
    if (c.step > step) break;
    size = c.images;
  }
  return size;
}

/**
 * Training images that must have arrived before a run with this history may train: the largest pool
 * it recorded, and the whole set when steps it trained drew from it (before any change).
 */
export function poolNeeds(history: PoolHistory, full: number): number {
  const first = history.changes[0];
  const trainedFull = history.through > 0 && (!first || first.step > 1);
  const largest = history.changes.reduce((m, c) => Math.max(m, c.images), 0);
  return trainedFull ? full : largest;
}
