// SGD, momentum, AdaGrad, RMSProp, Adam and AdamW as fused WebGL programs: one program per output (θ, v,
// m, s), with η_t, β, ε, λ and the bias corrections passed as uniforms (L2 weight decay adds one program
// per variable, g + λ·θ, only while λ > 0). Same update rules as the composed reference in ../optimizers.ts,
// which a browser test compares them with. Instruments (applyMeasured, on the steps that record them)
// read θ, g and the new slots after the fused update with the programs of fusedInternals.ts.
import type * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import type { EngineHyperParams } from '../../shared/checkpoint';
import type { OptimizerName } from '../../shared/settings';
import { Adagrad, Adam, Momentum, Rmsprop, Sgd, type Optimizer } from '../optimizers';
import { decoupledKeep } from '../optimizers';
import { fusedInternals } from './fusedInternals';
import { cachedProgram, elementwise, runProgram, type ProgramKind } from './run';

function program(
  kind: ProgramKind,
  shape: number[],
  inputs: number,
  expr: string,
  uniforms: string[],
): GPGPUProgram {
  return cachedProgram(kind, shape, () => elementwise(shape, inputs, expr, uniforms));
}

/** g + λ·θ as one program (inputs θ, g). */
function l2(theta: tf.Tensor, g: tf.Tensor, wd: number): tf.Tensor {
  return runProgram(program('l2', theta.shape, 2, 'b + wd * a', ['wd']), [theta, g], [[wd]]);
}

/**
 * θ ← keep·θ − step·m / (√s·invRootBias2 + ε): Adam's and AdamW's θ (keep = 1 − η_t·λ for AdamW), and
 * with m = g, keep = invRootBias2 = 1, step = η_t, AdaGrad's and RMSProp's.
 */
function rootStep(
  theta: tf.Tensor,
  m: tf.Tensor,
  s: tf.Tensor,
  [keep, step, invRootBias2, eps]: [number, number, number, number],
): tf.Tensor {
  const expr = 'keep * a - step * b / (sqrt(c) * invRootBias2 + eps)';
  const uniforms = ['keep', 'step', 'invRootBias2', 'eps'];
  return runProgram(
    program('adam-t', theta.shape, 3, expr, uniforms),
    [theta, m, s],
    [[keep], [step], [invRootBias2], [eps]],
  );
}

/** θ ← θ − η·g: one program. */
class FusedSgd extends Sgd {
  protected override readonly internals = fusedInternals;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor): void {
    v.assign(runProgram(program('sgd', v.shape, 2, 'a - lr * b', ['lr']), [v, g], [[this.rate]]));
  }
}

/** v ← μ·v + g; θ ← θ − η·v (Nesterov: θ − η·(g + μ·v)): two programs. */
class FusedMomentum extends Momentum {
  protected override readonly internals = fusedInternals;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor, [vel]: tf.Variable[]): void {
    const h = this.hyper;
    const newVel = runProgram(program('mom-v', v.shape, 2, 'mu * a + b', ['mu']), [vel!, g], [[h.momentum]]);
    vel!.assign(newVel);
    const expr = 'a - lr * (nesterov > 0.5 ? b + mu * c : c)'; // vec4 branches, scalar condition
    const theta = runProgram(
      program('mom-t', v.shape, 3, expr, ['lr', 'mu', 'nesterov']),
      [v, g, newVel],
      [[this.rate], [h.momentum], [h.nesterov ? 1 : 0]],
    );
    v.assign(theta);
  }
}

/** s ← s + g², then θ: two programs per variable. */
class FusedAdagrad extends Adagrad {
  protected override readonly internals = fusedInternals;
  protected override addL2 = l2;

  protected override accumulate(s: tf.Tensor, g: tf.Tensor): tf.Tensor {
    return runProgram(program('ada-s', s.shape, 2, 'a + b * b', []), [s, g], []);
  }
  protected override update(v: tf.Variable, g: tf.Tensor, [s]: tf.Variable[]): void {
    const newS = this.accumulate(s!, g);
    s!.assign(newS);
    v.assign(rootStep(v, g, newS, [1, this.rate, 1, this.hyper.epsilon]));
  }
}

/**
 * An exponential average: β·a + (1 − β)·b, or of squares β·a + (1 − β)·b² (Adam's m and s, RMSProp's s).
 * 1 − β is a uniform worked out in float64 on the host, as the composed ops do: in the shader's float32,
 * 1 − 0.999 is off by 1.3e-5 relative.
 */
function average(kind: 'adam-m' | 'adam-s', old: tf.Tensor, g: tf.Tensor, beta: number): tf.Tensor {
  const expr = kind === 'adam-m' ? 'beta * a + b * rest' : 'beta * a + (b * b) * rest';
  return runProgram(program(kind, old.shape, 2, expr, ['beta', 'rest']), [old, g], [[beta], [1 - beta]]);
}

/** s ← β2·s + (1 − β2)·g² (Adam's s program), then θ: two programs per variable. */
class FusedRmsprop extends Rmsprop {
  protected override readonly internals = fusedInternals;
  protected override addL2 = l2;

  protected override accumulate(s: tf.Tensor, g: tf.Tensor): tf.Tensor {
    return average('adam-s', s, g, this.hyper.beta2);
  }
  protected override update(v: tf.Variable, g: tf.Tensor, [s]: tf.Variable[]): void {
    const newS = this.accumulate(s!, g);
    s!.assign(newS);
    v.assign(rootStep(v, g, newS, [1, this.rate, 1, this.hyper.epsilon]));
  }
}

/** m, s and θ: three programs per variable. */
class FusedAdam extends Adam {
  protected override readonly internals = fusedInternals;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor, [m, s]: tf.Variable[]): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this.hyper;
    const { stepScale, invRootBias2 } = this.factors();
    const newM = average('adam-m', m!, g, b1);
    const newS = average('adam-s', s!, g, b2);
    m!.assign(newM);
    s!.assign(newS);
    // θ ← keep·θ − (η/(1−P1))·m / (√s·(1/√(1−P2)) + ε), the composed formula term for term (without
    // bias correction the uniforms are η and 1: θ ← θ − η·m/(√s + ε)).
    v.assign(rootStep(v, newM, newS, [this.keep(), stepScale, invRootBias2, eps]));
  }
}

/** AdamW: Adam's programs with keep = 1 − η_t·λ in θ's. */
class FusedAdamW extends FusedAdam {
  override readonly name = 'adamw' as const;
  protected override readonly l2 = false;
  protected override keep(): number {
    return decoupledKeep(this.rate, this.hyper);
  }
}

/** Same contract as createOptimizer, with updates done by fused programs (WebGL backend only). */
export function createFusedOptimizer(name: OptimizerName, hyper: EngineHyperParams): Optimizer {
  switch (name) {
    case 'sgd':
      return new FusedSgd(hyper);
    case 'momentum':
      return new FusedMomentum(hyper);
    case 'adagrad':
      return new FusedAdagrad(hyper);
    case 'rmsprop':
      return new FusedRmsprop(hyper);
    case 'adam':
      return new FusedAdam(hyper);
    case 'adamw':
      return new FusedAdamW(hyper);
  }
}
