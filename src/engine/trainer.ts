// The training engine: seeded batch order, one tidy per step, metrics and the optimizer's instruments
// kept on the device and read back in one asynchronous call per flush. No DOM and no worker globals,
// so Node tests run it as is.
import * as tf from '@tensorflow/tfjs-core';
import { fullHyper, type EngineHyperParams, type OptimizerState } from '../shared/checkpoint';
import { isInternalsStep, type InternalsPoint } from '../shared/internals';
import type { TracePoint, TraceTarget } from '../shared/trace';
import type { MetricPoint } from '../shared/metrics';
import { DEFAULT_ACTIVATION, DEFAULT_MODEL } from '../shared/model';
import {
  hyperParamsOf,
  type LiveChange,
  type OptimizerName,
  type RunSettings,
  type SharedSettings,
} from '../shared/settings';
import { composedBackward, type BackwardKernels } from './backwardKernels';
import { makeBatches, type Batches, type BatchMakerFactory, type SplitName } from './batches';
import { decodeInternals, rawLength, type MeasuredStep } from './internals';
import { trainingStats, type MnistData } from './mnist';
import { createModel, type Model } from './model';
import { createOptimizer, type Optimizer } from './optimizers';
import type { TracedStep } from './optimizerBase';
import { decodeTrace, traceRequest } from './trace';
import { scheduleFactor } from '../shared/schedule';
import type { PixelStats } from './preprocess';

/** Shared settings added after the first: absent means the reference recipe's. */
type LaterShared = 'model' | 'activation' | 'trainImages' | 'labelNoise' | 'dropout';

/**
 * The comparison's shared settings plus this run's settings at step 1. The later ones may be left
 * out: the reference recipe's `mlp-128` with ReLU, on every training image, clean, without dropout.
 */
export interface TrainerConfig
  extends Omit<SharedSettings, LaterShared>, Partial<Pick<SharedSettings, LaterShared>> {
  settings: RunSettings;
  /** Record the optimizer's instruments on their cadence (isInternalsStep); on unless `false`. */
  internals?: boolean;
}

/** What a flush reads back: every pending step's metrics, and the instruments of those that have them. */
export interface StepRecords {
  points: MetricPoint[];
  internals: InternalsPoint[];
  /** The followed weight at the steps that traced it (see follow()). */
  traces: TracePoint[];
}

/** A trained step whose numbers are still on the device: [loss sum, correct count], maybe instruments. */
interface PendingStep {
  step: number;
  /** η_t the step used. */
  lr: number;
  stats: tf.Tensor1D;
  measured?: MeasuredStep;
  traced?: TracedStep;
}

/** A trainer's state at a step boundary. */
export interface TrainerCheckpoint {
  step: number;
  weights: Float32Array[];
  optimizer: OptimizerState;
}

export interface EvalResult {
  loss: number;
  accuracy: number;
  count: number;
  /** The training set with label noise: loss and accuracy against the true labels. */
  trueLoss?: number;
  trueAccuracy?: number;
}

/** Backend-specific fast paths (the WebGL kernels); the composed ops and host batches are the default. */
export interface TrainerKernels {
  backward?: BackwardKernels;
  createOptimizer?: (name: OptimizerName, hyper: EngineHyperParams) => Optimizer;
  /** Batches gathered on the device from data uploaded once. */
  batchMaker?: BatchMakerFactory;
}

/** Held-out images per evaluation batch. */
const EVAL_BATCH = 500;

export class Trainer {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly model: Model;
  /** The whole training set's pixel statistics ('standardize'); undefined while it is still arriving. */
  readonly stats: PixelStats | undefined;
  private optimizer: Optimizer;
  private readonly batches: Batches;
  /** Whether this trainer made its batches (and so disposes them) or shares a comparison's. */
  private readonly ownsBatches: boolean;
  private readonly ce: BackwardKernels;
  private pending: PendingStep[] = [];
  private steps = 0;
  /** The output weight followed through its updates; null: none. */
  private traceTarget: TraceTarget | null = null;
  private traceForced = false;

  /**
   * `batches`: a comparison's shared batches (same seed, batch size and preprocessing as `config`);
   * without it the trainer makes its own from `data`.
   */
  constructor(
    data: MnistData,
    readonly config: TrainerConfig,
    stats?: PixelStats,
    private readonly kernels: TrainerKernels = {},
    batches?: Batches,
  ) {
    this.stats = stats ?? trainingStats(data);
    this.ownsBatches = batches === undefined;
    this.batches = batches ?? makeBatches(data, config, this.stats, kernels);
    if (this.batches.batchSize !== config.batchSize)
      throw new RangeError(
        `shared batches of ${this.batches.batchSize} for a run of batch ${config.batchSize}`,
      );
    this.stepsPerEpoch = this.batches.stepsPerEpoch;
    this.totalSteps = this.stepsPerEpoch * config.epochs;
    this.ce = kernels.backward ?? composedBackward;
    // Links from before model choice have neither: the reference recipe's network.
    this.model = createModel(
      config.model ?? DEFAULT_MODEL,
      config.activation ?? DEFAULT_ACTIVATION,
      config.seed,
    );
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
    return { optimizer: this.optimizer.name, ...fullHyper(this.optimizer.getHyperParams()) };
  }

  /** Batch indices (into the training split) of the next step. */
  nextBatchIndices(): Uint32Array {
    return this.batches.indices(this.steps);
  }

  /**
   * Follows one weight of the output kernel (flat index, or `largest`: the largest |g| at the next
   * traced step, then kept) at the steps that record instruments and at a step after traceNextStep().
   */
  follow(target: TraceTarget | null): void {
    this.traceTarget = target;
  }

  /** The next step traces the followed weight whatever the cadence (a single Step a class walks through). */
  traceNextStep(): void {
    this.traceForced = true;
  }

  /** Runs one training step; its loss, accuracy and instruments stay on the device until flush(). */
  trainStep(): void {
    if (this.done) throw new Error('training is finished');
    // Made outside the tidy: the batch belongs to `batches`, which shares it with the other lanes.
    const { x, y } = this.batches.batch(this.steps);
    const vars = this.model.variables;
    const step = this.steps + 1;
    const measure = this.config.internals !== false && isInternalsStep(step);
    const target = this.traceForced || isInternalsStep(step) ? this.traceTarget : null;
    this.traceForced = false;
    const period = { stepsPerEpoch: this.stepsPerEpoch, totalSteps: this.totalSteps };
    this.optimizer.setLearningRateScale(scheduleFactor(this.optimizer.getHyperParams(), step, period));
    const lr = this.optimizer.rate;
    let measured: MeasuredStep | undefined;
    let traced: TracedStep | undefined;
    const [stats] = tf.tidy(() => {
      const { grads, stats } = this.model.backward(x, y, this.ce, {
        rate: this.config.dropout ?? 0,
        seed: this.config.seed,
        step: this.steps + 1, // `step` above, 1-based (the name is taken below in this scope)
      });
      const trace = target === null ? undefined : traceRequest(target, grads);
      if (!measure) {
        traced = this.optimizer.apply(vars, grads, trace);
        return traced ? [stats, traced.raw] : [stats];
      }
      const step = this.optimizer.applyMeasured(vars, grads, trace);
      ({ traced, ...measured } = step);
      // All of these outlive the tidy.
      return traced ? [stats, step.raw, traced.raw] : [stats, step.raw];
    });
    this.steps++;
    this.pending.push({
      step,
      lr,
      stats: stats as tf.Tensor1D,
      ...(measured ? { measured } : {}),
      ...(traced ? { traced } : {}),
    });
  }

  /** Advances the step counter and batch order without training: a stopped run keeping pace with others. */
  skipStep(): void {
    if (this.done) throw new Error('training is finished');
    this.steps++;
  }

  /**
   * Reads back every pending step's loss and accuracy, and the instruments of the steps that recorded
   * them, with a single asynchronous download.
   */
  async flush(): Promise<StepRecords> {
    const batch = this.pending;
    if (batch.length === 0) return { points: [], internals: [], traces: [] };
    this.pending = [];
    const parts = batch.flatMap((p) => [
      p.stats,
      ...(p.measured ? [p.measured.raw] : []),
      ...(p.traced ? [p.traced.raw] : []),
    ]);
    const packed = tf.tidy(() => tf.concat(parts));
    for (const t of parts) t.dispose();
    const values = await packed.data();
    packed.dispose();
    const b = this.config.batchSize;
    const { names, variables } = this.model;
    const sizes = variables.map((v) => v.size);
    const points: MetricPoint[] = [];
    const internals: InternalsPoint[] = [];
    const traces: TracePoint[] = [];
    let at = 0;
    for (const p of batch) {
      const epoch = Math.floor((p.step - 1) / this.stepsPerEpoch);
      const point = { step: p.step, epoch, loss: values[at]! / b, accuracy: values[at + 1]! / b, lr: p.lr };
      points.push(point);
      at += 2;
      if (p.measured) {
        internals.push({ ...decodeInternals(p.step, p.measured, values, at, names, sizes), lr: p.lr });
        at += rawLength(p.measured.kind, sizes.length);
      }
      if (p.traced) {
        const trace = decodeTrace(p.step, p.traced, values.subarray(at), this.model);
        traces.push(trace);
        at += p.traced.raw.size;
        // A `largest` pick is kept from now on, so the class follows one weight rather than a new one each step.
        if (this.traceTarget === 'largest') this.traceTarget = trace.index;
      }
    }
    return { points, internals, traces };
  }

  /** flush() for callers that want the metric points only. */
  async flushMetrics(): Promise<MetricPoint[]> {
    return (await this.flush()).points;
  }

  /**
   * Loss and accuracy on a held-out split; sums stay on the device, one readback at the end.
   * `between`, when given, is awaited after each piece of EVAL_BATCH images but the last, with a way
   * to wait until the device has done the pieces queued so far: the worker lets the page's frames in
   * there while someone uses the page, instead of queuing the whole pass at once.
   */
  async evaluate(
    split: SplitName,
    maxCount = Infinity,
    between?: (settle: () => Promise<unknown>) => Promise<void>,
  ): Promise<EvalResult> {
    const maker = this.batches.maker;
    const count = Math.min(maker.counts[split], maxCount);
    // [loss, correct] against the labels trained on, then (label noise) against the true ones.
    const sums = tf.tidy(() => tf.variable(tf.zeros([4]), false));
    const idx = new Uint32Array(EVAL_BATCH);
    let noisy = false;
    for (let start = 0; start < count; start += EVAL_BATCH) {
      const n = Math.min(EVAL_BATCH, count - start);
      for (let i = 0; i < n; i++) idx[i] = start + i;
      tf.tidy(() => {
        const { x, y, trueY } = maker.make(split, idx.subarray(0, n));
        const z = this.model.logits(x);
        noisy = trueY !== undefined;
        const stats = this.ce.stats(z, y);
        sums.assign(tf.add(sums, tf.concat([stats, trueY ? this.ce.stats(z, trueY) : stats])));
      });
      if (between && start + EVAL_BATCH < count) await between(() => sums.data());
    }
    const [loss, correct, trueLoss, trueCorrect] = await sums.data();
    sums.dispose();
    const result: EvalResult = { loss: loss! / count, accuracy: correct! / count, count };
    return noisy ? { ...result, trueLoss: trueLoss! / count, trueAccuracy: trueCorrect! / count } : result;
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

  /** The trainer's state after its last step, read back asynchronously (no blocking read). */
  async checkpoint(): Promise<TrainerCheckpoint> {
    const step = this.steps;
    const { state, slots } = this.optimizer.snapshotState();
    const parts = [...this.model.variables, ...slots.flat()];
    // One flat tensor, one download: each readback has a fixed cost (on software WebGL most of it),
    // so twelve small ones cost a checkpoint several times more. Made now, so it holds this step's values.
    const flat = tf.tidy(() => tf.concat(parts.map((t) => t.reshape([-1]))));
    for (const t of slots.flat()) t.dispose();
    try {
      const values = (await flat.data()) as Float32Array;
      let at = 0;
      const take = (t: tf.Tensor) => values.slice(at, (at += t.size));
      const weights = this.model.variables.map(take);
      const optimizerSlots = slots.map((s) => s.map(take));
      return { step, weights, optimizer: { ...state, slots: optimizerSlots } };
    } finally {
      flat.dispose();
    }
  }

  /** Carries on from `c` (taken from a trainer of the same run): weights, optimizer state and step. */
  restore(c: TrainerCheckpoint): void {
    if (!Number.isInteger(c.step) || c.step < 0 || c.step > this.totalSteps)
      throw new RangeError(`checkpoint step ${c.step} is outside this run`);
    const optimizer = this.makeOptimizer(c.optimizer.name, c.optimizer.hyper);
    try {
      optimizer.importState(c.optimizer, this.model.variables);
      this.model.load(c.weights);
    } catch (e) {
      optimizer.dispose();
      throw e;
    }
    this.optimizer.dispose();
    this.optimizer = optimizer;
    this.dropPending();
    this.steps = c.step;
  }

  private makeOptimizer(name: OptimizerName, hyper: EngineHyperParams): Optimizer {
    return (this.kernels.createOptimizer ?? createOptimizer)(name, hyper);
  }

  private dropPending(): void {
    for (const p of this.pending) {
      p.stats.dispose();
      p.measured?.raw.dispose();
      p.traced?.raw.dispose();
    }
    this.pending = [];
  }

  dispose(): void {
    this.dropPending();
    this.optimizer.dispose();
    this.model.dispose();
    if (this.ownsBatches) this.batches.dispose();
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
