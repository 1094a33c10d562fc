// The training engine: seeded batch order, one tidy per step, metrics kept on the device and read
// back in one asynchronous call per flush. No DOM and no worker globals, so Node tests run it as is.
import * as tf from '@tensorflow/tfjs';
import type { Split } from './mnist';
import { createMlp, correctCount, crossEntropy, type Model } from './model';
import { createOptimizer, type HyperParams, type Optimizer, type OptimizerName } from './optimizers';
import { fillBatch, pixelStats, pixelTable, type PixelStats, type Preprocessing } from './preprocess';
import { createRng, deriveSeed, shuffledIndices } from './random';

export interface TrainerConfig {
  optimizer: OptimizerName;
  hyper: HyperParams;
  batchSize: number;
  epochs: number;
  seed: number;
  preprocessing: Preprocessing;
}

export interface TrainerData {
  train: Split;
  validation: Split;
  test: Split;
}

export interface StepMetrics {
  /** 1-based index of the step these numbers belong to. */
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
}

export interface EvalResult {
  loss: number;
  accuracy: number;
  count: number;
}

export type EvalSplit = 'validation' | 'test';
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
  private readonly yBuf: Int32Array;
  private pending: { step: number; loss: tf.Scalar; correct: tf.Scalar }[] = [];
  private steps = 0;

  constructor(
    private readonly data: TrainerData,
    readonly config: TrainerConfig,
    stats?: PixelStats,
  ) {
    const { batchSize, epochs } = config;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be ≥ 1, got ${batchSize}`);
    if (batchSize > data.train.count) throw new RangeError(`batchSize ${batchSize} exceeds ${data.train.count} images`);
    this.stepsPerEpoch = Math.floor(data.train.count / batchSize);
    this.totalSteps = this.stepsPerEpoch * epochs;
    this.stats = stats ?? pixelStats(data.train.images);
    this.lut = pixelTable(config.preprocessing, this.stats);
    this.shuffleRng = createRng(deriveSeed(config.seed, 2));
    this.xBuf = new Float32Array(batchSize * 784);
    this.yBuf = new Int32Array(batchSize);
    this.model = createMlp(config.seed);
    this.optimizer = createOptimizer(config.optimizer, config.hyper);
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
  get optimizerName(): OptimizerName {
    return this.optimizer.name;
  }
  get hyper(): HyperParams {
    return this.optimizer.getHyperParams();
  }

  /** Batch indices (into the training split) of the next step; draws a new order at epoch starts. */
  nextBatchIndices(): Uint32Array {
    const pos = (this.steps % this.stepsPerEpoch) * this.config.batchSize;
    if (pos === 0 && this.order.length === 0) this.order = shuffledIndices(this.data.train.count, this.shuffleRng);
    return this.order.subarray(pos, pos + this.config.batchSize);
  }

  /** Runs one training step; its loss and accuracy stay on the device until flushMetrics(). */
  trainStep(): void {
    if (this.done) throw new Error('training is finished');
    const idx = this.nextBatchIndices();
    const { train } = this.data;
    fillBatch(train.images, idx, this.lut, this.xBuf);
    for (let i = 0; i < idx.length; i++) this.yBuf[i] = train.labels[idx[i]!]!;
    const vars = this.model.variables;
    const [loss, correct] = tf.tidy(() => {
      const x = tf.tensor2d(this.xBuf, [idx.length, 784]);
      const y = tf.tensor1d(this.yBuf, 'int32');
      let correct: tf.Scalar | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const logits = this.model.logits(x);
        // variableGrads frees everything f made but its result, so the accuracy is kept explicitly.
        correct = tf.keep(correctCount(logits, y));
        return crossEntropy(logits, y);
      }, vars);
      this.optimizer.apply(
        vars,
        vars.map((v) => grads[v.name]!),
      );
      return [value, correct!];
    });
    this.steps++;
    this.pending.push({ step: this.steps, loss, correct });
    if (this.steps % this.stepsPerEpoch === 0) this.order = new Uint32Array(0);
  }

  /** Reads back every pending step's loss and accuracy with a single asynchronous download. */
  async flushMetrics(): Promise<StepMetrics[]> {
    const batch = this.pending;
    if (batch.length === 0) return [];
    this.pending = [];
    const packed = tf.tidy(() => tf.stack(batch.flatMap((p) => [p.loss, p.correct])));
    for (const p of batch) {
      p.loss.dispose();
      p.correct.dispose();
    }
    const values = await packed.data();
    packed.dispose();
    const b = this.config.batchSize;
    return batch.map((p, i) => ({
      step: p.step,
      epoch: Math.floor((p.step - 1) / this.stepsPerEpoch),
      loss: values[2 * i]!,
      accuracy: values[2 * i + 1]! / b,
    }));
  }

  /** Loss and accuracy on a held-out split; sums stay on the device, one readback at the end. */
  async evaluate(split: EvalSplit, maxCount = Infinity): Promise<EvalResult> {
    const { images, labels, count: all } = this.data[split];
    const count = Math.min(all, maxCount);
    const [lossSum, correctSum] = tf.tidy(() => [tf.variable(tf.scalar(0), false), tf.variable(tf.scalar(0), false)]);
    const xBuf = new Float32Array(EVAL_BATCH * 784);
    const yBuf = new Int32Array(EVAL_BATCH);
    for (let start = 0; start < count; start += EVAL_BATCH) {
      const n = Math.min(EVAL_BATCH, count - start);
      const idx = Array.from({ length: n }, (_, i) => start + i);
      fillBatch(images, idx, this.lut, xBuf);
      for (let i = 0; i < n; i++) yBuf[i] = labels[start + i]!;
      tf.tidy(() => {
        const x = tf.tensor2d(xBuf.subarray(0, n * 784), [n, 784]);
        const y = tf.tensor1d(yBuf.subarray(0, n), 'int32');
        const logits = this.model.logits(x);
        lossSum.assign(tf.add(lossSum, tf.mul(crossEntropy(logits, y), n)));
        correctSum.assign(tf.add(correctSum, correctCount(logits, y)));
      });
    }
    const [l, c] = await Promise.all([lossSum.data(), correctSum.data()]);
    lossSum.dispose();
    correctSum.dispose();
    return { loss: l[0]! / count, accuracy: c[0]! / count, count };
  }

  /** Live change, effective from the next step; optimizer state is kept. */
  setHyperParams(changes: Partial<HyperParams>): void {
    this.optimizer.setHyperParams(changes);
  }

  /** Switches optimizer with fresh state from the next step, keeping the current hyperparameters. */
  setOptimizer(name: OptimizerName, hyper: HyperParams = this.optimizer.getHyperParams()): void {
    const next = createOptimizer(name, hyper);
    this.optimizer.dispose();
    this.optimizer = next;
  }

  dispose(): void {
    for (const p of this.pending) {
      p.loss.dispose();
      p.correct.dispose();
    }
    this.pending = [];
    this.optimizer.dispose();
    this.model.dispose();
  }
}

/** Convenience loop for tests and the bench: trains to the end, flushing every `flushEvery` steps. */
export async function trainToEnd(
  trainer: Trainer,
  onMetrics: (m: StepMetrics[]) => void,
  flushEvery = 20,
): Promise<void> {
  while (!trainer.done) {
    trainer.trainStep();
    if (trainer.step % flushEvery === 0 || trainer.done) onMetrics(await trainer.flushMetrics());
  }
}
