// The data lever (the origin article's first: data quality and quantity) as pure functions of the
// seed: which training images a run uses, and which of them get a wrong label. No tfjs: the engine,
// the page (to say how many labels are wrong) and the tests all read the same definition.
import { NUM_CLASSES } from './mnist';
import { createRng, deriveSeed, sampleDistinct } from './random';

/** Random streams of the data lever (1: weights, 2: shuffles, 3: partial pools). */
const SUBSET_STREAM = 4;
const NOISE_STREAM = 5;

export interface LeverSettings {
  /** Training images to use; the whole split when at least its size. */
  trainImages: number;
  /** Fraction of those given a wrong label. */
  labelNoise: number;
  seed: number;
}

/** The training set a run sees. */
export interface TrainingSet {
  /** Indices into the training split, ascending: position i of the set is image indices[i]. */
  indices: Uint32Array;
  /** The label the model is trained on at each position (wrong where `changed` says). */
  labels: Uint8Array;
  /** Positions whose label was changed, ascending. */
  changed: Uint32Array;
}

/** Images of a split of `count` the set holds. */
export function subsetSize(count: number, trainImages: number): number {
  return Math.max(0, Math.min(count, Math.floor(trainImages)));
}

/** Labels made wrong in a set of `size` images: round(noise·size). */
export function wrongLabelCount(size: number, labelNoise: number): number {
  return Math.round(labelNoise * size);
}

/** Whether the lever leaves the training split as it is (every image, every label true). */
export function isWholeClean(count: number, s: LeverSettings): boolean {
  return subsetSize(count, s.trainImages) === count && wrongLabelCount(count, s.labelNoise) === 0;
}

/**
 * The set for `trueLabels` (the training split's labels) and the run's settings: a uniform seeded
 * subset (the same for every run of a comparison, since they share the seed), and round(noise·size)
 * of its positions, also seeded, relabelled uniformly among the nine wrong digits:
 * wrong = (true + 1 + ⌊9·u⌋) mod 10 for a uniform u from the noise stream, drawn in position order.
 */
export function trainingSet(trueLabels: Uint8Array, s: LeverSettings): TrainingSet {
  const count = trueLabels.length;
  const size = subsetSize(count, s.trainImages);
  const indices =
    size === count
      ? Uint32Array.from({ length: count }, (_, i) => i)
      : sampleDistinct(count, size, createRng(deriveSeed(s.seed, SUBSET_STREAM))).sort();
  const labels = Uint8Array.from(indices, (i) => trueLabels[i]!);
  const noise = createRng(deriveSeed(s.seed, NOISE_STREAM));
  const changed = sampleDistinct(size, wrongLabelCount(size, s.labelNoise), noise).sort();
  for (const p of changed)
    labels[p] = (labels[p]! + 1 + Math.floor(noise() * (NUM_CLASSES - 1))) % NUM_CLASSES;
  return { indices, labels, changed };
}
