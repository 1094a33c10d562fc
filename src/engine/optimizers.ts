// Hand-written optimizer steps (SGD, momentum, Adam) composed from tensor ops.
// This is the reference path: it runs on every backend and is what the tests compare with float64 math.
import * as tf from '@tensorflow/tfjs';
import type { OptimizerState } from '../shared/checkpoint';
import { hyperParamsOf, type HyperParams, type OptimizerName } from '../shared/settings';

export interface Optimizer {
  readonly name: OptimizerName;
  /** apply() calls so far. */
  readonly iterations: number;
  /** One update of each variable; gradients are not disposed. */
  apply(variables: tf.Variable[], gradients: tf.Tensor[]): void;
  /** Effective from the next apply(); moment estimates are kept. */
  setHyperParams(changes: Partial<HyperParams>): void;
  getHyperParams(): HyperParams;
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
export function validateHyperParams(h: HyperParams): void {
  if (!Number.isFinite(h.learningRate) || h.learningRate < 0)
    throw new RangeError(`learningRate must be a finite number ≥ 0, got ${h.learningRate}`);
  if (!inUnit(h.momentum)) throw new RangeError(`momentum must be in [0, 1), got ${h.momentum}`);
  if (!inUnit(h.beta1)) throw new RangeError(`beta1 must be in [0, 1), got ${h.beta1}`);
  if (!inUnit(h.beta2)) throw new RangeError(`beta2 must be in [0, 1), got ${h.beta2}`);
  if (!Number.isFinite(h.epsilon) || h.epsilon <= 0)
    throw new RangeError(`epsilon must be a finite number > 0, got ${h.epsilon}`);
  if (typeof h.nesterov !== 'boolean') throw new RangeError(`nesterov must be a boolean, got ${h.nesterov}`);
}

/** Shared bookkeeping: hyperparameters, iteration count, lazily created per-variable slots. */
export abstract class BaseOptimizer implements Optimizer {
  abstract readonly name: OptimizerName;
  protected hyper: HyperParams;
  protected slots: tf.Variable[][] = [];
  private count = 0;

  constructor(hyper: HyperParams) {
    validateHyperParams(hyper);
    this.hyper = hyperParamsOf(hyper);
  }

  get iterations(): number {
    return this.count;
  }

  apply(variables: tf.Variable[], gradients: tf.Tensor[]): void {
    if (variables.length !== gradients.length)
      throw new Error(`apply: ${variables.length} variables but ${gradients.length} gradients`);
    this.beforeStep();
    tf.tidy(() => {
      variables.forEach((v, i) => this.update(v, gradients[i]!, this.slotsFor(i, v)));
    });
    this.count++;
  }

  setHyperParams(changes: Partial<HyperParams>): void {
    const next = { ...this.hyper, ...changes };
    validateHyperParams(next);
    this.hyper = next;
  }

  getHyperParams(): HyperParams {
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
    this.setHyperParams(state.hyper);
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

/** θ ← θ − η·g */
export class Sgd extends BaseOptimizer {
  readonly name = 'sgd' as const;
  protected readonly slotCount = 0;
  protected update(v: tf.Variable, g: tf.Tensor): void {
    v.assign(tf.sub(v, tf.mul(g, this.hyper.learningRate)));
  }
}

/** v ← μ·v + g; θ ← θ − η·v, or with Nesterov θ ← θ − η·(g + μ·v) using the new v. */
export class Momentum extends BaseOptimizer {
  readonly name = 'momentum' as const;
  protected readonly slotCount = 1;
  protected update(v: tf.Variable, g: tf.Tensor, [vel]: tf.Variable[]): void {
    const { learningRate: lr, momentum: mu, nesterov } = this.hyper;
    const newVel = tf.add(tf.mul(vel!, mu), g);
    vel!.assign(newVel);
    const dir = nesterov ? tf.add(g, tf.mul(newVel, mu)) : newVel;
    v.assign(tf.sub(v, tf.mul(dir, lr)));
  }
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1) with bias correction by the running products of the β values
 * actually used (P1 ← P1·β1, P2 ← P2·β2), so a live β change stays correctly debiased:
 * m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; θ ← θ − η·(m/(1−P1)) / (√(v/(1−P2)) + ε)
 */
export class Adam extends BaseOptimizer {
  readonly name = 'adam' as const;
  protected readonly slotCount = 2;
  /** Products kept in float64 on the CPU; they only ever enter the step as scalars. */
  protected p1 = 1;
  protected p2 = 1;

  protected override beforeStep(): void {
    this.p1 *= this.hyper.beta1;
    this.p2 *= this.hyper.beta2;
  }

  protected override products(): number[] {
    return [this.p1, this.p2];
  }
  protected override restoreProducts([p1 = 1, p2 = 1]: number[]): void {
    this.p1 = p1;
    this.p2 = p2;
  }

  protected update(v: tf.Variable, g: tf.Tensor, [m, s]: tf.Variable[]): void {
    const { learningRate: lr, beta1: b1, beta2: b2, epsilon: eps } = this.hyper;
    const newM = tf.add(tf.mul(m!, b1), tf.mul(g, 1 - b1));
    const newS = tf.add(tf.mul(s!, b2), tf.mul(tf.square(g), 1 - b2));
    m!.assign(newM);
    s!.assign(newS);
    const denom = tf.add(tf.mul(tf.sqrt(newS), 1 / Math.sqrt(1 - this.p2)), eps);
    v.assign(tf.sub(v, tf.div(tf.mul(newM, lr / (1 - this.p1)), denom)));
  }
}

export function createOptimizer(name: OptimizerName, hyper: HyperParams): Optimizer {
  switch (name) {
    case 'sgd':
      return new Sgd(hyper);
    case 'momentum':
      return new Momentum(hyper);
    case 'adam':
      return new Adam(hyper);
    default: {
      const never: never = name;
      throw new RangeError(`unknown optimizer ${String(never)}`);
    }
  }
}
