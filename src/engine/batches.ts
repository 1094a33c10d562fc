// Where a step's batch comes from. `Batches` owns the seeded batch order and hands every lane of a
// comparison the same tensors for a step (made once, shared); a `BatchMaker` turns indices into
// preprocessed images and one-hot labels, either uploaded from the host (here) or gathered on the GPU
// from data uploaded once (webgl/deviceData.ts).
import * as tf from '@tensorflow/tfjs';
import type { EvalSplit } from '../shared/metrics';
import { IMAGE_PIXELS, NUM_CLASSES } from '../shared/mnist';
import type { Preprocessing } from '../shared/settings';
import type { MnistData } from './mnist';
import { fillBatch, pixelTable, type PixelStats } from './preprocess';
import { createRng, deriveSeed, shuffledIndices } from './random';

export interface BatchTensors {
  /** Preprocessed images [n, IMAGE_PIXELS]. */
  x: tf.Tensor2D;
  /** One-hot labels [n, NUM_CLASSES]. */
  y: tf.Tensor2D;
}

export type SplitName = 'train' | EvalSplit;

/** Makes batches from one dataset with one preprocessing. The tensors it returns belong to the caller. */
export interface BatchMaker {
  readonly counts: Readonly<Record<SplitName, number>>;
  /** The images of `split` at `indices`. */
  make(split: SplitName, indices: Uint32Array): BatchTensors;
  dispose(): void;
}

/** Builds the maker for a run's preprocessing; the WebGL backend supplies one that gathers on the GPU. */
export type BatchMakerFactory = (preprocessing: Preprocessing, stats: PixelStats) => BatchMaker;

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

/**
 * The seeded batch order of a run (a fresh shuffle of the training set each epoch, the same for every
 * lane) and the batch of each step, made once and shared by every lane that trains that step.
 */
export class Batches {
  readonly stepsPerEpoch: number;
  private rng: () => number;
  private epoch = -1;
  private order: Uint32Array = new Uint32Array(0);
  private cached: { step: number; batch: BatchTensors } | null = null;

  constructor(
    readonly maker: BatchMaker,
    readonly batchSize: number,
    private readonly seed: number,
  ) {
    const count = maker.counts.train;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be ≥ 1, got ${batchSize}`);
    if (batchSize > count) throw new RangeError(`batchSize ${batchSize} exceeds ${count} images`);
    this.stepsPerEpoch = Math.floor(count / batchSize);
    this.rng = createRng(deriveSeed(seed, 2));
  }

  /** Training-set indices of step `step` (0-based). Any step may be asked for, e.g. after a restore. */
  indices(step: number): Uint32Array {
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
    this.release();
    const batch = this.maker.make('train', this.indices(step));
    this.cached = { step, batch };
    return batch;
  }

  private release(): void {
    if (!this.cached) return;
    this.cached.batch.x.dispose();
    this.cached.batch.y.dispose();
    this.cached = null;
  }

  dispose(): void {
    this.release();
    this.maker.dispose();
  }
}
