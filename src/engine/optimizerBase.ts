// What every optimizer is to the trainer (the Optimizer contract), and the bookkeeping the update rules
// share: hyperparameters, iteration count, per-variable slots, state export and the instruments' frame.
import * as tf from '@tensorflow/tfjs-core';
import type { EngineHyperParams, OptimizerState } from '../shared/checkpoint';
import type { OptimizerName } from '../shared/settings';
import { composedInternals, type InternalsKernels, type MeasuredStep } from './internals';

export interface Optimizer {
  readonly name: OptimizerName;
  /** apply() calls so far. */
  readonly iterations: number;
  /** One update of each variable; gradients are not disposed. */
  apply(variables: tf.Variable[], gradients: tf.Tensor[]): void;
  /** The same update, plus its instruments still on the device (the caller disposes `raw`). */
  applyMeasured(variables: tf.Variable[], gradients: tf.Tensor[]): MeasuredStep;
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
}

/** The hyperparameters an optimizer keeps: the run's, and `biasCorrection` only when it is given. */
function engineHyperOf(h: EngineHyperParams): EngineHyperParams {
  const { learningRate, momentum, nesterov, beta1, beta2, epsilon, biasCorrection } = h;
  const out: EngineHyperParams = { learningRate, momentum, nesterov, beta1, beta2, epsilon };
  if (biasCorrection !== undefined) out.biasCorrection = biasCorrection;
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

  constructor(hyper: EngineHyperParams) {
    validateHyperParams(hyper);
    this.hyper = engineHyperOf(hyper);
  }

  get iterations(): number {
    return this.count;
  }

  apply(variables: tf.Variable[], gradients: tf.Tensor[]): void {
    checkLengths(variables, gradients);
    this.beforeStep();
    tf.tidy(() => {
      variables.forEach((v, i) => this.update(v, gradients[i]!, this.slotsFor(i, v)));
    });
    this.count++;
  }

  applyMeasured(variables: tf.Variable[], gradients: tf.Tensor[]): MeasuredStep {
    checkLengths(variables, gradients);
    this.beforeStep();
    const raw = tf.tidy(() => {
      // Clones hold θ_{t−1}'s data after assign() gives the variables new values: no copy is made.
      const old = variables.map((v) => v.clone());
      variables.forEach((v, i) => this.update(v, gradients[i]!, this.slotsFor(i, v)));
      return tf.concat(variables.map((v, i) => this.measure(v, old[i]!, gradients[i]!, this.slots[i]!)));
    }) as tf.Tensor1D;
    this.count++;
    return { kind: this.name, raw, ...this.corrections() };
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

  /** Number of state tensors per variable (0 for SGD, 1 for momentum, 2 for Adam). */
  protected abstract readonly slotCount: number;
  protected beforeStep(): void {}
  protected abstract update(v: tf.Variable, g: tf.Tensor, slots: tf.Variable[]): void;

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
