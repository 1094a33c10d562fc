// Hand-written optimizer steps (SGD, momentum, AdaGrad, RMSProp, Adam, AdamW) composed from tensor ops,
// in torch.optim's conventions. Each step uses η_t (`rate`: the base η times the schedule's factor).
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
    v.assign(tf.sub(v, tf.mul(g, this.rate)));
  }
}

/** v ← μ·v + g; θ ← θ − η·v, or with Nesterov θ ← θ − η·(g + μ·v) using the new v. */
export class Momentum extends BaseOptimizer {
  readonly name = 'momentum' as const;
  protected readonly slotCount = 1;
  protected update(v: tf.Variable, g: tf.Tensor, [vel]: tf.Variable[]): void {
    const { momentum: mu, nesterov } = this.hyper;
    const lr = this.rate;
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
 * The rules that divide by √(a running sum of g²) + ε: AdaGrad and RMSProp. One slot s per variable;
 * θ ← θ − η·g/(√s + ε). Their instruments are Adam's with m̂ = g and v̂ = s: the effective steps
 * η·|g|/(√s + ε) and the share of parameters where ε ≥ √s.
 */
abstract class RootMeanSquare extends BaseOptimizer {
  protected readonly slotCount = 1;
  /** The new s from the old one and g. */
  protected abstract accumulate(s: tf.Tensor, g: tf.Tensor): tf.Tensor;

  protected update(v: tf.Variable, g: tf.Tensor, [s]: tf.Variable[]): void {
    const newS = this.accumulate(s!, g);
    s!.assign(newS);
    v.assign(tf.sub(v, tf.div(tf.mul(g, this.rate), tf.add(tf.sqrt(newS), this.hyper.epsilon))));
  }

  protected override measure(
    theta: tf.Tensor,
    old: tf.Tensor,
    g: tf.Tensor,
    [s]: tf.Variable[],
  ): tf.Tensor1D {
    const adam = { m: g, s: s!, stepScale: this.rate, invRootBias2: 1, eps: this.hyper.epsilon };
    return this.internals.measure({ g, old, theta, adam });
  }
}

/** AdaGrad (Duchi et al. 2011): s ← s + g²; θ ← θ − η·g/(√s + ε). Its steps only ever shrink. */
export class Adagrad extends RootMeanSquare {
  readonly name = 'adagrad' as const;
  protected accumulate(s: tf.Tensor, g: tf.Tensor): tf.Tensor {
    return tf.add(s, tf.square(g));
  }
}

/** RMSProp (Hinton 2012): s ← β2·s + (1 − β2)·g²; θ ← θ − η·g/(√s + ε). Adam without m and bias correction. */
export class Rmsprop extends RootMeanSquare {
  readonly name = 'rmsprop' as const;
  protected accumulate(s: tf.Tensor, g: tf.Tensor): tf.Tensor {
    const b2 = this.hyper.beta2;
    return tf.add(tf.mul(s, b2), tf.mul(tf.square(g), 1 - b2));
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
  readonly name: 'adam' | 'adamw' = 'adam';
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
    const lr = this.rate;
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
    const keep = this.keep();
    const decayed = keep === 1 ? v : tf.mul(v, keep);
    v.assign(tf.sub(decayed, tf.div(tf.mul(newM, stepScale), denom)));
  }

  /** What θ is multiplied by before the step: 1 for Adam, 1 − η_t·λ for AdamW. */
  protected keep(): number {
    return 1;
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

/**
 * AdamW (Loshchilov & Hutter 2019, torch.optim.AdamW): θ ← θ − η_t·λ·θ, then Adam's step. The decay
 * is decoupled from the gradient, so Adam's division by √v̂ does not shrink it where gradients are large.
 */
export class AdamW extends Adam {
  override readonly name = 'adamw' as const;
  protected override readonly l2 = false;
  protected override keep(): number {
    return decoupledKeep(this.rate, this.hyper);
  }
}

/** AdamW's factor on θ before the step: 1 − η_t·λ. */
export function decoupledKeep(rate: number, h: EngineHyperParams): number {
  return 1 - rate * (h.weightDecay ?? 0);
}

/** `hyper.biasCorrection` (Adam) is on unless it is `false`. */
export function createOptimizer(name: OptimizerName, hyper: EngineHyperParams): Optimizer {
  switch (name) {
    case 'sgd':
      return new Sgd(hyper);
    case 'momentum':
      return new Momentum(hyper);
    case 'adagrad':
      return new Adagrad(hyper);
    case 'rmsprop':
      return new Rmsprop(hyper);
    case 'adam':
      return new Adam(hyper);
    case 'adamw':
      return new AdamW(hyper);
    default: {
      const never: never = name;
      throw new RangeError(`unknown optimizer ${String(never)}`);
    }
  }
}
