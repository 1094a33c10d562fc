// Where a step's batch comes from. `Batches` owns the seeded batch order and hands every lane of a
// comparison the same tensors for a step (made once, shared); a `BatchMaker` turns indices into
// preprocessed images and one-hot labels, either uploaded from the host (here) or gathered on the GPU
// from data uploaded once (webgl/deviceData.ts).
import * as tf from '@tensorflow/tfjs-core';
import type { EvalSplit } from '../shared/metrics';
import { IMAGE_PIXELS, NUM_CLASSES, TRAIN_COUNT } from '../shared/mnist';
import { poolSizeAt, type PoolChange, type PoolHistory } from '../shared/pool';
import type { Preprocessing, SharedSettings } from '../shared/settings';
import { arrivedCount, type MnistData } from './mnist';
import { fillBatch, pixelTable, type PixelStats } from './preprocess';
import { createRng, deriveSeed, sampleDistinct, shuffledIndices } from '../shared/random';
import { isWholeClean, trainingSet, type LeverSettings, type TrainingSet } from '../shared/dataLever';

export interface BatchTensors {
  /** Preprocessed images [n, IMAGE_PIXELS]. */
  x: tf.Tensor2D;
  /** One-hot labels [n, NUM_CLASSES]: the ones the model trains on (wrong ones included, label noise). */
  y: tf.Tensor2D;
  /** With label noise, the true labels of the same images. */
  trueY?: tf.Tensor2D;
}

export type SplitName = 'train' | EvalSplit;

/** Makes batches from one dataset with one preprocessing. The tensors it returns belong to the caller. */
export interface BatchMaker {
  readonly counts: Readonly<Record<SplitName, number>>;
  /** Images of `split` that may be indexed now: a growing prefix of train while MNIST arrives. */
  available(split: SplitName): number;
  /** The images of `split` at `indices`. */
  make(split: SplitName, indices: Uint32Array): BatchTensors;
  dispose(): void;
}

/**
 * Builds the maker for a run's preprocessing; the WebGL backend supplies one that gathers on the GPU.
 * `stats` (the whole training set's) only 'standardize' needs; it is absent until all has arrived.
 */
export type BatchMakerFactory = (preprocessing: Preprocessing, stats: PixelStats | undefined) => BatchMaker;

/** Writes one-hot rows for the labels at `indices` into `out`. */
function fillOneHot(labels: Uint8Array, indices: ArrayLike<number>, out: Float32Array): void {
  out.fill(0, 0, indices.length * NUM_CLASSES);
  for (let i = 0; i < indices.length; i++) out[i * NUM_CLASSES + labels[indices[i]!]!] = 1;
}

/** Preprocesses on the host and uploads each batch: the reference, and the CPU backend's path. */
export function hostBatchMaker(data: MnistData): BatchMakerFactory {
  return (preprocessing, stats) => {
    const lut = pixelTable(preprocessing, stats);
    let xBuf = new Float32Array(0);
    let yBuf = new Float32Array(0);
    return {
      counts: { train: data.train.count, validation: data.validation.count, test: data.test.count },
      available: (split) => arrivedCount(data, split),
      make(split, indices) {
        const n = indices.length;
        if (xBuf.length < n * IMAGE_PIXELS) xBuf = new Float32Array(n * IMAGE_PIXELS);
        if (yBuf.length < n * NUM_CLASSES) yBuf = new Float32Array(n * NUM_CLASSES);
        fillBatch(data[split].images, indices, lut, xBuf);
        fillOneHot(data[split].labels, indices, yBuf);
        return {
          x: tf.tensor2d(xBuf.subarray(0, n * IMAGE_PIXELS), [n, IMAGE_PIXELS]),
          y: tf.tensor2d(yBuf.subarray(0, n * NUM_CLASSES), [n, NUM_CLASSES]),
        };
      },
      dispose() {},
    };
  };
}

/** How many of the ascending `sorted` are below `limit`. */
function countBelow(sorted: Uint32Array, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `inner` seen through the data lever (shared/dataLever.ts): its training split becomes the set's
 * images (position i is image set.indices[i]), with the set's labels. Validation and test are
 * untouched. While MNIST arrives, the set's images that have are a prefix of it (the indices ascend).
 */
export function leverMaker(inner: BatchMaker, set: TrainingSet): BatchMaker {
  const noisy = set.changed.length > 0;
  let yBuf = new Float32Array(0);
  return {
    counts: { ...inner.counts, train: set.indices.length },
    available: (split) =>
      split === 'train' ? countBelow(set.indices, inner.available('train')) : inner.available(split),
    make(split, positions) {
      if (split !== 'train') return inner.make(split, positions);
      const batch = inner.make(
        'train',
        Uint32Array.from(positions, (p) => set.indices[p]!),
      );
      if (!noisy) return batch;
      const n = positions.length;
      if (yBuf.length < n * NUM_CLASSES) yBuf = new Float32Array(n * NUM_CLASSES);
      fillOneHot(set.labels, positions, yBuf);
      const y = tf.tensor2d(yBuf.subarray(0, n * NUM_CLASSES), [n, NUM_CLASSES]);
      return { x: batch.x, y, trueY: batch.y };
    },
    dispose: () => inner.dispose(),
  };
}

/** Random stream of the draws from a partial pool (1: weights, 2: the epochs' shuffles). */
const POOL_STREAM = 3;

export interface BatchesOptions {
  /** The pool this run recorded so far: a run resumed in a new worker draws the same batches. */
  pool?: PoolHistory;
  /** A step drew from more training images than the step before (more had arrived). */
  onPoolChange?: (change: PoolChange) => void;
}

/**
 * The seeded batch order of a run (a fresh shuffle of the training set each epoch, the same for every
 * lane) and the batch of each step, made once and shared by every lane that trains that step.
 *
 * While training images are still arriving, a step draws its batch from those that have (the pool): a
 * seeded draw of distinct images, fixed by the seed, the step and the pool's size. The pool grows when a
 * step's batch is made and more has arrived, and each growth is reported (onPoolChange) so the page can
 * replay it. Once the pool is the whole set, steps take their places in the epoch's shuffle exactly as
 * in a run that started with all data: epoch 1's remaining steps follow its shuffle, later epochs are
 * unchanged. A run started after everything arrived records no change and is today's run exactly.
 */
export class Batches {
  readonly stepsPerEpoch: number;
  private rng: () => number;
  private epoch = -1;
  private order: Uint32Array = new Uint32Array(0);
  private cached: { step: number; batch: BatchTensors } | null = null;
  private readonly pool: PoolHistory;

  constructor(
    readonly maker: BatchMaker,
    readonly batchSize: number,
    private readonly seed: number,
    private readonly options: BatchesOptions = {},
  ) {
    const count = maker.counts.train;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be ≥ 1, got ${batchSize}`);
    if (batchSize > count) throw new RangeError(`batchSize ${batchSize} exceeds ${count} images`);
    this.stepsPerEpoch = Math.floor(count / batchSize);
    this.rng = createRng(deriveSeed(seed, 2));
    this.pool = { changes: [...(options.pool?.changes ?? [])], through: options.pool?.through ?? 0 };
  }

  /** Whether all of `split` is there to be used (MNIST may still be arriving). */
  arrived(split: SplitName): boolean {
    return this.maker.available(split) >= this.maker.counts[split];
  }

  /** Training images step `step` (0-based) draws from. */
  poolAt(step: number): number {
    return poolSizeAt(this.pool, step + 1, this.maker.counts.train);
  }

  /** Training-set indices of step `step` (0-based). Any step may be asked for, e.g. after a restore. */
  indices(step: number): Uint32Array {
    const pool = this.poolAt(step);
    if (pool < this.maker.counts.train) {
      const draw = createRng(deriveSeed(deriveSeed(this.seed, POOL_STREAM), step));
      return sampleDistinct(pool, Math.min(this.batchSize, pool), draw);
    }
    const epoch = Math.floor(step / this.stepsPerEpoch);
    if (epoch < this.epoch) {
      // Going back (a restore): replay the shuffles from the seed.
      this.rng = createRng(deriveSeed(this.seed, 2));
      this.epoch = -1;
    }
    while (this.epoch < epoch) {
      this.order = shuffledIndices(this.maker.counts.train, this.rng);
      this.epoch++;
    }
    const pos = (step % this.stepsPerEpoch) * this.batchSize;
    return this.order.subarray(pos, pos + this.batchSize);
  }

  /** The batch of step `step`, shared: do not dispose it (the next step's call does). */
  batch(step: number): BatchTensors {
    if (this.cached?.step === step) return this.cached.batch;
    this.grow(step + 1);
    const pool = this.poolAt(step);
    const arrived = this.maker.available('train');
    if (arrived < pool)
      throw new Error(`step ${step + 1} draws from ${pool} training images, but ${arrived} have arrived`);
    this.release();
    const batch = this.maker.make('train', this.indices(step));
    this.cached = { step, batch };
    return batch;
  }

  /**
   * Before step `step` (1-based) trains: draw from everything that has arrived, unless the step was
   * already trained (its pool is recorded) or nothing new came. No change at all while all is there.
   */
  private grow(step: number): void {
    const full = this.maker.counts.train;
    const arrived = Math.min(this.maker.available('train'), full);
    const { changes, through } = this.pool;
    const last = changes.at(-1);
    // Recorded steps keep their pool: the ones trained (through) and those up to the last change.
    if (step <= Math.max(through, last?.step ?? 0)) return;
    // Before any change, a run that has trained drew from everything; a new one has no pool yet.
    const current = last ? last.images : through > 0 ? full : 0;
    if (arrived <= current || (current === 0 && arrived >= full)) return;
    const change = { step, images: arrived };
    changes.push(change);
    this.options.onPoolChange?.(change);
  }

  private release(): void {
    if (!this.cached) return;
    this.cached.batch.x.dispose();
    this.cached.batch.y.dispose();
    this.cached.batch.trueY?.dispose();
    this.cached = null;
  }

  dispose(): void {
    this.release();
    this.maker.dispose();
  }
}

/** What the data lever reads of a run's settings; absent (from before it) means all of MNIST, clean. */
export type LeverConfig = Pick<SharedSettings, 'seed'> &
  Partial<Pick<SharedSettings, 'trainImages' | 'labelNoise'>>;

/** The data lever's settings of a run, with the defaults of a run from before it. */
export function leverSettings(config: LeverConfig): LeverSettings {
  return {
    trainImages: config.trainImages ?? TRAIN_COUNT,
    labelNoise: config.labelNoise ?? 0,
    seed: config.seed,
  };
}

/** A run's batches: gathered on the device where the backend can, uploaded from the host otherwise. */
export function makeBatches(
  data: MnistData,
  config: Pick<SharedSettings, 'batchSize' | 'preprocessing'> & LeverConfig,
  stats: PixelStats | undefined,
  /** The backend's batch maker (the trainer's kernels); host uploads without one. */
  kernels: { batchMaker?: BatchMakerFactory } = {},
  /** The run's pool while MNIST arrives. */
  options: BatchesOptions = {},
): Batches {
  const inner = (kernels.batchMaker ?? hostBatchMaker(data))(config.preprocessing, stats);
  // The data lever: a seeded subset of the training images, some relabelled (shared/dataLever.ts).
  const lever = leverSettings(config);
  const whole = isWholeClean(data.train.count, lever);
  const maker = whole ? inner : leverMaker(inner, trainingSet(data.train.labels, lever));
  try {
    return new Batches(maker, config.batchSize, config.seed, options);
  } catch (e) {
    maker.dispose();
    throw e;
  }
}
