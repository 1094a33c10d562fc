// The training engine: seeded batch order, one tidy per step, metrics kept on the device and read
// back in one asynchronous call per flush. No DOM and no worker globals, so Node tests run it as is.
import * as tf from '@tensorflow/tfjs';
import type { EvalSplit, MetricPoint } from '../shared/metrics';
import { IMAGE_PIXELS, NUM_CLASSES } from '../shared/mnist';
import {
  hyperParamsOf,
  type HyperParams,
  type LiveChange,
  type OptimizerName,
  type RunSettings,
  type SharedSettings,
} from '../shared/settings';
import { composedBackward, type BackwardKernels } from './backwardKernels';
import type { MnistData } from './mnist';
import { createMlp, type Model } from './model';
import { createOptimizer, type Optimizer } from './optimizers';
import { fillBatch, pixelStats, pixelTable, type PixelStats } from './preprocess';
import { createRng, deriveSeed, shuffledIndices } from './random';

/** The comparison's shared settings plus this run's settings at step 1. */
export interface TrainerConfig extends SharedSettings {
  settings: RunSettings;
}

export interface EvalResult {
  loss: number;
  accuracy: number;
  count: number;
}

/** Backend-specific fast paths (the WebGL kernels); the composed ops are the default everywhere. */
export interface TrainerKernels {
  backward?: BackwardKernels;
  createOptimizer?: (name: OptimizerName, hyper: HyperParams) => Optimizer;
}

/** Writes one-hot rows for the labels at `indices` into `out` (zeroed where it had ones before). */
function fillOneHot(labels: Uint8Array, indices: ArrayLike<number>, out: Float32Array): void {
  out.fill(0, 0, indices.length * NUM_CLASSES);
  for (let i = 0; i < indices.length; i++) out[i * NUM_CLASSES + labels[indices[i]!]!] = 1;
}
const EVAL_BATCH = 500;

export class Trainer {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly model: Model;
  readonly stats: PixelStats;
  private optimizer: Optimizer;
  private readonly lut: Float32Array;
  private readonly shuffleRng: () => number;
  private order: Uint32Array = new Uint32Array(0);
  private readonly xBuf: Float32Array;
  private readonly yBuf: Float32Array;
  private readonly ce: BackwardKernels;
  /** Per step [loss sum, correct count], still on the device. */
  private pending: { step: number; stats: tf.Tensor1D }[] = [];
  private steps = 0;

  constructor(
    private readonly data: MnistData,
    readonly config: TrainerConfig,
    stats?: PixelStats,
    private readonly kernels: TrainerKernels = {},
  ) {
    const { batchSize, epochs } = config;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be ≥ 1, got ${batchSize}`);
    if (batchSize > data.train.count)
      throw new RangeError(`batchSize ${batchSize} exceeds ${data.train.count} images`);
    this.stepsPerEpoch = Math.floor(data.train.count / batchSize);
    this.totalSteps = this.stepsPerEpoch * epochs;
    this.stats = stats ?? pixelStats(data.train.images);
    this.lut = pixelTable(config.preprocessing, this.stats);
    this.shuffleRng = createRng(deriveSeed(config.seed, 2));
    this.xBuf = new Float32Array(batchSize * IMAGE_PIXELS);
    this.yBuf = new Float32Array(batchSize * NUM_CLASSES);
    this.ce = kernels.backward ?? composedBackward;
    this.model = createMlp(config.seed);
    this.optimizer = this.makeOptimizer(config.settings.optimizer, hyperParamsOf(config.settings));
  }

  /** Steps completed so far. */
  get step(): number {
    return this.steps;
  }
  /** 0-based epoch of the next step (equals `epochs` when done). */
  get epoch(): number {
    return Math.floor(this.steps / this.stepsPerEpoch);
  }
  get done(): boolean {
    return this.steps >= this.totalSteps;
  }
  /** The settings the next step trains with. */
  get settings(): RunSettings {
    return { optimizer: this.optimizer.name, ...this.optimizer.getHyperParams() };
  }

  /** Batch indices (into the training split) of the next step; draws a new order at epoch starts. */
  nextBatchIndices(): Uint32Array {
    const pos = (this.steps % this.stepsPerEpoch) * this.config.batchSize;
    if (pos === 0 && this.order.length === 0)
      this.order = shuffledIndices(this.data.train.count, this.shuffleRng);
    return this.order.subarray(pos, pos + this.config.batchSize);
  }

  /** Runs one training step; its loss and accuracy stay on the device until flushMetrics(). */
  trainStep(): void {
    if (this.done) throw new Error('training is finished');
    const idx = this.nextBatchIndices();
    const { train } = this.data;
    fillBatch(train.images, idx, this.lut, this.xBuf);
    fillOneHot(train.labels, idx, this.yBuf);
    const vars = this.model.variables;
    const stats = tf.tidy(() => {
      // One upload each for images and one-hot labels; the rest of the step stays on the device.
      const x = tf.tensor2d(this.xBuf, [idx.length, IMAGE_PIXELS]);
      const y = tf.tensor2d(this.yBuf, [idx.length, NUM_CLASSES]);
      const { grads, stats } = this.model.backward(x, y, this.ce);
      this.optimizer.apply(vars, grads);
      return stats;
    });
    this.steps++;
    this.pending.push({ step: this.steps, stats });
    if (this.steps % this.stepsPerEpoch === 0) this.order = new Uint32Array(0);
  }

  /** Advances the step counter and batch order without training: a stopped run keeping pace with others. */
  skipStep(): void {
    if (this.done) throw new Error('training is finished');
    this.nextBatchIndices();
    this.steps++;
    if (this.steps % this.stepsPerEpoch === 0) this.order = new Uint32Array(0);
  }

  /** Reads back every pending step's loss and accuracy with a single asynchronous download. */
  async flushMetrics(): Promise<MetricPoint[]> {
    const batch = this.pending;
    if (batch.length === 0) return [];
    this.pending = [];
    const packed = tf.tidy(() => tf.concat(batch.map((p) => p.stats)));
    for (const p of batch) p.stats.dispose();
    const values = await packed.data();
    packed.dispose();
    const b = this.config.batchSize;
    return batch.map((p, i) => ({
      step: p.step,
      epoch: Math.floor((p.step - 1) / this.stepsPerEpoch),
      loss: values[2 * i]! / b,
      accuracy: values[2 * i + 1]! / b,
    }));
  }

  /** Loss and accuracy on a held-out split; sums stay on the device, one readback at the end. */
  async evaluate(split: EvalSplit, maxCount = Infinity): Promise<EvalResult> {
    const { images, labels, count: all } = this.data[split];
    const count = Math.min(all, maxCount);
    const sums = tf.tidy(() => tf.variable(tf.zeros([2]), false));
    const xBuf = new Float32Array(EVAL_BATCH * IMAGE_PIXELS);
    const yBuf = new Float32Array(EVAL_BATCH * NUM_CLASSES);
    for (let start = 0; start < count; start += EVAL_BATCH) {
      const n = Math.min(EVAL_BATCH, count - start);
      const idx = Array.from({ length: n }, (_, i) => start + i);
      fillBatch(images, idx, this.lut, xBuf);
      fillOneHot(labels, idx, yBuf);
      tf.tidy(() => {
        const x = tf.tensor2d(xBuf.subarray(0, n * IMAGE_PIXELS), [n, IMAGE_PIXELS]);
        const y = tf.tensor2d(yBuf.subarray(0, n * NUM_CLASSES), [n, NUM_CLASSES]);
        sums.assign(tf.add(sums, this.ce.stats(this.model.logits(x), y)));
      });
    }
    const [loss, correct] = await sums.data();
    sums.dispose();
    return { loss: loss! / count, accuracy: correct! / count, count };
  }

  /**
   * A live change, effective from the next step. A hyperparameter keeps the optimizer's state (its
   * moments); switching optimizer starts the new one with fresh state and the current hyperparameters.
   * Throws RangeError (and changes nothing) for a value the optimizer refuses.
   */
  applyChange(change: LiveChange): void {
    if (change.key !== 'optimizer') {
      this.optimizer.setHyperParams({ [change.key]: change.value });
      return;
    }
    const next = this.makeOptimizer(change.value, this.optimizer.getHyperParams());
    this.optimizer.dispose();
    this.optimizer = next;
  }

  private makeOptimizer(name: OptimizerName, hyper: HyperParams): Optimizer {
    return (this.kernels.createOptimizer ?? createOptimizer)(name, hyper);
  }

  dispose(): void {
    for (const p of this.pending) p.stats.dispose();
    this.pending = [];
    this.optimizer.dispose();
    this.model.dispose();
  }
}

/** Convenience loop for tests and the bench: trains to the end, flushing every `flushEvery` steps. */
export async function trainToEnd(
  trainer: Trainer,
  onMetrics: (m: MetricPoint[]) => void,
  flushEvery = 20,
): Promise<void> {
  while (!trainer.done) {
    trainer.trainStep();
    if (trainer.step % flushEvery === 0 || trainer.done) onMetrics(await trainer.flushMetrics());
  }
}
