// Made-up MNIST for tests that need data of the right shape but not real digits (no files to load).
import type { MnistData } from '../../src/engine/mnist';
import { createRng } from '../../src/shared/random';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';

/** `n` images, mostly blank like MNIST's, with random labels; the same split serves all three. */
export function syntheticData(n: number, seed = 4): MnistData {
  const rng = createRng(seed);
  const split = {
    images: Uint8Array.from({ length: n * IMAGE_PIXELS }, () => (rng() < 0.8 ? 0 : Math.floor(rng() * 256))),
    labels: Uint8Array.from({ length: n }, () => Math.floor(rng() * NUM_CLASSES)),
    count: n,
  };
  return { train: split, validation: split, test: split };
}
