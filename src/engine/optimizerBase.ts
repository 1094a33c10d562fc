// What every optimizer is to the trainer (the Optimizer contract), and the bookkeeping the update rules
// share: hyperparameters, iteration count, per-variable slots, state export and the instruments' frame.
import * as tf from '@tensorflow/tfjs-core';
import type { EngineHyperParams, OptimizerState } from '../shared/checkpoint';
import { SCHEDULES, type OptimizerName } from '../shared/settings';
import { composedInternals, type InternalsKernels, type MeasuredStep } from './internals';

/** A weight to follow through a step: which variable, and its flat index as an int32 tensor of shape [1]. */
export interface TraceRequest {
  variable: number;
  index: tf.Tensor;
}

/**
 * The followed weight's numbers still on the device (`raw`, traceLength(slotCount) values: index, g_t,
 * θ_{t−1}, slots before, θ_t, slots after; the caller disposes it) and what the host knows of the step.
 */
export interface TracedStep {
  raw: tf.Tensor1D;
  optimizer: OptimizerName;
  slotCount: number;
  hyper: EngineHyperParams;
  /** η_t: the learning rate this step used (the base η times the schedule's factor). */
  rate: number;
  /** Adam's P1, P2 after this step; empty for the others. */
  products: number[];
}

export interface Optimizer {
  readonly name: OptimizerName;
  /** apply() calls so far. */
  readonly iterations: number;
  /** One update of each variable; gradients are not disposed. With `trace`, that weight's numbers too. */
  apply(variables: tf.Variable[], gradients: tf.Tensor[], trace?: TraceRequest): TracedStep | undefined;
  /** The same update, plus its instruments still on the device (the caller disposes `raw`). */
  applyMeasured(
    variables: tf.Variable[],
    gradients: tf.Tensor[],
    trace?: TraceRequest,
  ): MeasuredStep & { traced?: TracedStep };
  /**
   * The schedule's factor for the next steps (shared/schedule.ts): they use η_t = η·factor. The base η
   * in the hyperparameters stays as set, so a live edit of η moves the whole schedule.
   */
  setLearningRateScale(factor: number): void;
  /** η_t the next step uses. */
  readonly rate: number;
  /** Effective from the next apply(); moment estimates (and Adam's β products) are kept. */
  setHyperParams(changes: Partial<EngineHyperParams>): void;
  getHyperParams(): EngineHyperParams;
  /**
   * Its state now: the scalars, and copies of its slot tensors (the caller disposes them) so that the
   * caller can read them back together with other tensors in one download.
   */
  snapshotState(): { state: Omit<OptimizerState, 'slots'>; slots: tf.Tensor[][] };
  /** Takes over `state` (exported by an optimizer of the same name for the same `variables`). */
  importState(state: OptimizerState, variables: tf.Variable[]): void;
  /** Frees the optimizer's own tensors. */
  dispose(): void;
}

const inUnit = (x: number) => Number.isFinite(x) && x >= 0 && x < 1;

/** Throws RangeError naming the first bad parameter. */
export function validateHyperParams(h: EngineHyperParams): void {
  if (!Number.isFinite(h.learningRate) || h.learningRate < 0)
    throw new RangeError(`learningRate must be a finite number ≥ 0, got ${h.learningRate}`);
  if (!inUnit(h.momentum)) throw new RangeError(`momentum must be in [0, 1), got ${h.momentum}`);
  if (!inUnit(h.beta1)) throw new RangeError(`beta1 must be in [0, 1), got ${h.beta1}`);
  if (!inUnit(h.beta2)) throw new RangeError(`beta2 must be in [0, 1), got ${h.beta2}`);
  if (!Number.isFinite(h.epsilon) || h.epsilon <= 0)
    throw new RangeError(`epsilon must be a finite number > 0, got ${h.epsilon}`);
  if (typeof h.nesterov !== 'boolean') throw new RangeError(`nesterov must be a boolean, got ${h.nesterov}`);
  if (h.biasCorrection !== undefined && typeof h.biasCorrection !== 'boolean')
    throw new RangeError(`biasCorrection must be a boolean, got ${String(h.biasCorrection)}`);
  const { weightDecay: wd, schedule, warmup, gamma } = h;
  if (wd !== undefined && !(Number.isFinite(wd) && wd >= 0))
    throw new RangeError(`weightDecay must be a finite number ≥ 0, got ${wd}`);
  if (schedule !== undefined && !(SCHEDULES as readonly string[]).includes(schedule))
    throw new RangeError(`schedule must be one of ${SCHEDULES.join(', ')}, got ${String(schedule)}`);
  if (warmup !== undefined && !(Number.isInteger(warmup) && warmup >= 0))
    throw new RangeError(`warmup must be a whole number ≥ 0, got ${warmup}`);
  if (gamma !== undefined && !(Number.isFinite(gamma) && gamma > 0 && gamma <= 1))
    throw new RangeError(`gamma must be in (0, 1], got ${gamma}`);
}

const LATER_KEYS = ['biasCorrection', 'weightDecay', 'schedule', 'warmup', 'gamma'] as const;

/** The hyperparameters an optimizer keeps: the run's, and the later ones only when they are given. */
function engineHyperOf(h: EngineHyperParams): EngineHyperParams {
  const { learningRate, momentum, nesterov, beta1, beta2, epsilon } = h;
  const out: EngineHyperParams = { learningRate, momentum, nesterov, beta1, beta2, epsilon };
  for (const k of LATER_KEYS) if (h[k] !== undefined) Object.assign(out, { [k]: h[k] });
  return out;
}

function checkLengths(variables: tf.Variable[], gradients: tf.Tensor[]): void {
  if (variables.length !== gradients.length)
    throw new Error(`apply: ${variables.length} variables but ${gradients.length} gradients`);
}

/** Shared bookkeeping: hyperparameters, iteration count, lazily created per-variable slots. */
export abstract class BaseOptimizer implements Optimizer {
  abstract readonly name: OptimizerName;
  protected hyper: EngineHyperParams;
  protected slots: tf.Variable[][] = [];
  /** How the instruments are computed (fused programs on WebGL). */
  protected readonly internals: InternalsKernels = composedInternals;
  private count = 0;
  private lrScale = 1;
  /** Whether weight decay is L2 on the gradient (every rule but AdamW, which decays θ itself). */
  protected readonly l2: boolean = true;
  /** Whether update() can add λ·θ to the gradient itself (the fused programs read θ anyway). */
  protected readonly foldsL2: boolean = false;
  /**
   * λ that update() must add to the gradient itself this step: 0 when the gradients it gets already
   * hold g + λ·θ (instrumented steps, whose readings need it) or there is no L2.
   */
  protected foldedDecay = 0;

  constructor(hyper: EngineHyperParams) {
    validateHyperParams(hyper);
    this.hyper = engineHyperOf(hyper);
  }

  get iterations(): number {
    return this.count;
  }

  get rate(): number {
    return this.hyper.learningRate * this.lrScale;
  }

  setLearningRateScale(factor: number): void {
    if (!(Number.isFinite(factor) && factor >= 0))
      throw new RangeError(`learning-rate scale must be a finite number ≥ 0, got ${factor}`);
    this.lrScale = factor;
  }

  apply(variables: tf.Variable[], gradients: tf.Tensor[], trace?: TraceRequest): TracedStep | undefined {
    checkLengths(variables, gradients);
    this.beforeStep();
    const wd = this.hyper.weightDecay ?? 0;
    this.foldedDecay = this.foldsL2 && this.l2 ? wd : 0;
    const raw = tf.tidy(() => {
      const before = trace ? this.traceValues(trace, variables) : [];
      const used = this.foldedDecay > 0 ? gradients : this.gradientsUsed(variables, gradients);
      variables.forEach((v, i) => this.update(v, used[i]!, this.slotsFor(i, v)));
      return trace ? this.traceAfter(trace, variables, gradients, before) : undefined;
    });
    this.foldedDecay = 0;
    this.count++;
    return raw ? this.traced(raw) : undefined;
  }

  applyMeasured(
    variables: tf.Variable[],
    gradients: tf.Tensor[],
    trace?: TraceRequest,
  ): MeasuredStep & { traced?: TracedStep } {
    checkLengths(variables, gradients);
    this.beforeStep();
    const [raw, traceRaw] = tf.tidy(() => {
      // Clones hold θ_{t−1}'s data after assign() gives the variables new values: no copy is made.
      const old = variables.map((v) => v.clone());
      const before = trace ? this.traceValues(trace, variables) : [];
      const used = this.gradientsUsed(variables, gradients);
      variables.forEach((v, i) => this.update(v, used[i]!, this.slotsFor(i, v)));
      const measured = tf.concat(variables.map((v, i) => this.measure(v, old[i]!, used[i]!, this.slots[i]!)));
      return trace ? [measured, this.traceAfter(trace, variables, gradients, before)] : [measured];
    }) as tf.Tensor1D[];
    this.count++;
    const traced = traceRaw ? { traced: this.traced(traceRaw) } : {};
    return { kind: this.name, raw: raw!, ...this.corrections(), ...traced };
  }

  setHyperParams(changes: Partial<EngineHyperParams>): void {
    const next = engineHyperOf({ ...this.hyper, ...changes });
    validateHyperParams(next);
    this.hyper = next;
  }

  getHyperParams(): EngineHyperParams {
    return { ...this.hyper };
  }

  snapshotState(): { state: Omit<OptimizerState, 'slots'>; slots: tf.Tensor[][] } {
    // Clones share the slots' current data, so later updates (which replace it) cannot change them.
    const slots = tf.tidy(() => this.slots.map((s) => s.map((t) => t.clone())));
    const state = {
      name: this.name,
      hyper: this.getHyperParams(),
      iterations: this.count,
      products: this.products(),
    };
    return { state, slots };
  }

  importState(state: OptimizerState, variables: tf.Variable[]): void {
    if (state.name !== this.name) throw new RangeError(`cannot load ${state.name} state into ${this.name}`);
    if (state.slots.some((s) => s.length !== this.slotCount) || state.slots.length > variables.length)
      throw new RangeError(`${this.name} state does not fit these variables`);
    // Replaced, not merged: a state saved with bias correction on (no field) must not keep it off.
    validateHyperParams(state.hyper);
    this.hyper = engineHyperOf(state.hyper);
    const slots = tf.tidy(() =>
      state.slots.map((s, i) =>
        s.map((values) => tf.variable(tf.tensor(values, variables[i]!.shape), false)),
      ),
    );
    this.dispose();
    this.slots = slots;
    this.count = state.iterations;
    this.restoreProducts(state.products);
  }

  dispose(): void {
    for (const s of this.slots) for (const t of s) t.dispose();
    this.slots = [];
  }

  /** Running products an update rule keeps besides its slots (Adam's bias correction). */
  protected products(): number[] {
    return [];
  }
  protected restoreProducts(_products: number[]): void {}
  /** Step-wide instruments known on the host (Adam's bias-correction factors). */
  protected corrections(): Omit<MeasuredStep, 'kind' | 'raw'> {
    return {};
  }

  /**
   * Raw instruments of one variable after its update (RAW_PER_VARIABLE in internals.ts): here
   * Σg², Σ(θ_t − θ_{t−1})², Σθ_t²; subclasses add what their rule keeps.
   */
  protected measure(theta: tf.Tensor, old: tf.Tensor, g: tf.Tensor, _slots: tf.Variable[]): tf.Tensor1D {
    return this.internals.measure({ g, old, theta });
  }

  /**
   * The gradients the rule steps along: g + λ·θ_{t−1} with L2 weight decay (as torch.optim's
   * `weight_decay`), the gradients themselves without it.
   */
  private gradientsUsed(variables: tf.Variable[], gradients: tf.Tensor[]): tf.Tensor[] {
    const wd = this.hyper.weightDecay ?? 0;
    if (!this.l2 || wd === 0) return gradients;
    return gradients.map((g, i) => this.addL2(variables[i]!, g, wd));
  }

  /** g + λ·θ. */
  protected addL2(theta: tf.Tensor, g: tf.Tensor, wd: number): tf.Tensor {
    return tf.add(g, tf.mul(theta, wd));
  }

  /** Number of state tensors per variable (0 for SGD, 1 for momentum, AdaGrad and RMSProp, 2 for Adam). */
  protected abstract readonly slotCount: number;
  protected beforeStep(): void {}
  protected abstract update(v: tf.Variable, g: tf.Tensor, slots: tf.Variable[]): void;

  /** θ and the slots of the traced weight as they are now (before the update: θ_{t−1}, m_{t−1}, …). */
  private traceValues({ variable, index }: TraceRequest, variables: tf.Variable[]): tf.Tensor[] {
    const v = variables[variable]!;
    return [v, ...this.slotsFor(variable, v)].map((t) => tf.gather(tf.reshape(t, [-1]), index));
  }

  /** [index, g_t, θ_{t−1}, slots before, θ_t, slots after] as one vector. */
  private traceAfter(
    trace: TraceRequest,
    variables: tf.Variable[],
    gradients: tf.Tensor[],
    before: tf.Tensor[],
  ): tf.Tensor1D {
    const g = tf.gather(tf.reshape(gradients[trace.variable]!, [-1]), trace.index);
    const after = this.traceValues(trace, variables);
    return tf.concat([tf.cast(trace.index, 'float32'), g, ...before, ...after]) as tf.Tensor1D;
  }

  private traced(raw: tf.Tensor1D): TracedStep {
    return {
      raw,
      optimizer: this.name,
      slotCount: this.slotCount,
      hyper: this.getHyperParams(),
      rate: this.rate,
      products: this.products(),
    };
  }

  private slotsFor(i: number, v: tf.Variable): tf.Variable[] {
    let s = this.slots[i];
    if (!s) {
      s = [];
      // tidy frees the zeros tensor; the variable keeps its own reference to the data.
      for (let k = 0; k < this.slotCount; k++) s.push(tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
      this.slots[i] = s;
    }
    return s;
  }
}
