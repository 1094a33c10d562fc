// Hand-written optimizer steps (SGD, momentum, Adam) composed from tensor ops.
// This is the reference path: it runs on every backend and is what the tests compare with float64 math.
import * as tf from '@tensorflow/tfjs-core';
import type { EngineHyperParams } from '../shared/checkpoint';
import type { OptimizerName } from '../shared/settings';
import type { MeasuredStep } from './internals';
import { BaseOptimizer, type Optimizer } from './optimizerBase';

export type { Optimizer } from './optimizerBase';

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

  /** Adds Σv_t² and Σv_t·g_t: the velocity's length and its cosine with today's gradient. */
  protected override measure(
    theta: tf.Tensor,
    old: tf.Tensor,
    g: tf.Tensor,
    [vel]: tf.Variable[],
  ): tf.Tensor1D {
    return this.internals.measure({ g, old, theta, velocity: vel! });
  }
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1) with bias correction by the running products of the β values
 * actually used (P1 ← P1·β1, P2 ← P2·β2), so a live β change stays correctly debiased:
 * m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; θ ← θ − η·m̂ / (√v̂ + ε) with m̂ = m/(1−P1), v̂ = v/(1−P2).
 * With `biasCorrection: false`, m̂ = m and v̂ = v. The products are kept either way, so switching it
 * back on mid-run debiases by the β values used so far.
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

  protected override corrections(): Omit<MeasuredStep, 'kind' | 'raw'> {
    return { biasCorrection1: 1 / (1 - this.p1), biasCorrection2: 1 / (1 - this.p2) };
  }

  /** η/(1−P1) and 1/√(1−P2) as this step applies them: η and 1 without bias correction. */
  protected factors(): { stepScale: number; invRootBias2: number } {
    const lr = this.hyper.learningRate;
    if (this.hyper.biasCorrection === false) return { stepScale: lr, invRootBias2: 1 };
    return { stepScale: lr / (1 - this.p1), invRootBias2: 1 / Math.sqrt(1 - this.p2) };
  }

  protected update(v: tf.Variable, g: tf.Tensor, [m, s]: tf.Variable[]): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this.hyper;
    const { stepScale, invRootBias2 } = this.factors();
    const newM = tf.add(tf.mul(m!, b1), tf.mul(g, 1 - b1));
    const newS = tf.add(tf.mul(s!, b2), tf.mul(tf.square(g), 1 - b2));
    m!.assign(newM);
    s!.assign(newS);
    const denom = tf.add(tf.mul(tf.sqrt(newS), invRootBias2), eps);
    v.assign(tf.sub(v, tf.div(tf.mul(newM, stepScale), denom)));
  }

  /**
   * Adds #(ε ≥ √v̂_t) and the order statistics of the effective steps η·|m̂_t|/(√v̂_t + ε), from m_t
   * and v_t after the update.
   */
  protected override measure(
    theta: tf.Tensor,
    old: tf.Tensor,
    g: tf.Tensor,
    [m, s]: tf.Variable[],
  ): tf.Tensor1D {
    const adam = { m: m!, s: s!, ...this.factors(), eps: this.hyper.epsilon };
    return this.internals.measure({ g, old, theta, adam });
  }
}

/** `hyper.biasCorrection` (Adam) is on unless it is `false`. */
export function createOptimizer(name: OptimizerName, hyper: EngineHyperParams): Optimizer {
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
