// SGD, momentum, AdaGrad, RMSProp, Adam and AdamW as fused WebGL programs: one program per output (θ, v,
// m, s), with η_t, β, ε, λ and the bias corrections passed as uniforms. L2 weight decay is folded into
// the programs that read g (they read θ too); steps that record instruments compute g + λ·θ once instead. Same update rules as the composed reference in ../optimizers.ts,
// which a browser test compares them with. Instruments (applyMeasured, on the steps that record them)
// read θ, g and the new slots after the fused update with the programs of fusedInternals.ts.
import type * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import type { EngineHyperParams } from '../../shared/checkpoint';
import type { OptimizerName } from '../../shared/settings';
import { Adagrad, Adam, Momentum, Rmsprop, Sgd, type Optimizer } from '../optimizers';
import { decoupledKeep } from '../optimizers';
import { fusedInternals } from './fusedInternals';
import {
  cachedProgram,
  elementwise,
  runProgram,
  type FoldableKind,
  type FoldedKind,
  type ProgramKind,
} from './run';

function program(
  kind: ProgramKind | FoldedKind,
  shape: number[],
  inputs: number,
  expr: string,
  uniforms: string[],
): GPGPUProgram {
  return cachedProgram(kind, shape, () => elementwise(shape, inputs, expr, uniforms));
}

/** g + λ·θ as one program (inputs θ, g): the gradient of instrumented steps, which read it too. */
function l2(theta: tf.Tensor, g: tf.Tensor, wd: number): tf.Tensor {
  return runProgram(program('l2', theta.shape, 2, 'b + wd * a', ['wd']), [theta, g], [[wd]]);
}

/**
 * Runs `kind` over `inputs`, whose gradient is input b (GLSL `b`). With `wd` > 0 the program adds
 * λ·θ to it itself: `expr(g)` gets `(b + wd * θ)`, θ being input a when `thetaIsA`, else one more
 * input. That saves the separate L2 program, a whole pass over every weight, on most steps.
 */
function withGradient(
  kind: FoldableKind,
  inputs: tf.Tensor[],
  expr: (g: string) => string,
  uniforms: [string, number][],
  fold: { wd: number; theta: tf.Tensor; thetaIsA: boolean },
): tf.Tensor {
  const names = uniforms.map(([n]) => n);
  const values = uniforms.map(([, v]) => [v]);
  const shape = inputs[0]!.shape;
  if (fold.wd === 0) return runProgram(program(kind, shape, inputs.length, expr('b'), names), inputs, values);
  const all = fold.thetaIsA ? inputs : [...inputs, fold.theta];
  const theta = fold.thetaIsA ? 'a' : 'abcd'[inputs.length]!;
  const folded = program(`${kind}-l2`, shape, all.length, expr(`(b + wd * ${theta})`), [...names, 'wd']);
  return runProgram(folded, all, [...values, [fold.wd]]);
}

/**
 * θ ← keep·θ − step·m / (√s·invRootBias2 + ε): Adam's and AdamW's θ (keep = 1 − η_t·λ for AdamW), and
 * with m = g, keep = invRootBias2 = 1, step = η_t, AdaGrad's and RMSProp's (their g may fold λ·θ in).
 */
function rootStep(
  theta: tf.Tensor,
  m: tf.Tensor,
  s: tf.Tensor,
  [keep, step, invRootBias2, eps]: [number, number, number, number],
  wd = 0,
): tf.Tensor {
  const uniforms: [string, number][] = [
    ['keep', keep],
    ['step', step],
    ['invRootBias2', invRootBias2],
    ['eps', eps],
  ];
  const expr = (g: string) => `keep * a - step * ${g} / (sqrt(c) * invRootBias2 + eps)`;
  // The inputs are θ, m (or g), s: θ is input a.
  return withGradient('adam-t', [theta, m, s], expr, uniforms, { wd, theta, thetaIsA: true });
}

/**
 * An exponential average: β·a + (1 − β)·g, or of squares β·a + (1 − β)·g² (Adam's m and s, RMSProp's s).
 * 1 − β is a uniform worked out in float64 on the host, as the composed ops do: in the shader's float32,
 * 1 − 0.999 is off by 1.3e-5 relative.
 */
function average(
  kind: 'adam-m' | 'adam-s',
  old: tf.Tensor,
  g: tf.Tensor,
  beta: number,
  fold: { wd: number; theta: tf.Tensor },
): tf.Tensor {
  const expr = (x: string) =>
    kind === 'adam-m' ? `beta * a + ${x} * rest` : `beta * a + (${x} * ${x}) * rest`;
  const uniforms: [string, number][] = [
    ['beta', beta],
    ['rest', 1 - beta],
  ];
  return withGradient(kind, [old, g], expr, uniforms, { ...fold, thetaIsA: false });
}

/** θ ← θ − η·g: one program. */
class FusedSgd extends Sgd {
  protected override readonly internals = fusedInternals;
  protected override readonly foldsL2 = true;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor): void {
    const fold = { wd: this.foldedDecay, theta: v, thetaIsA: true };
    v.assign(withGradient('sgd', [v, g], (x) => `a - lr * ${x}`, [['lr', this.rate]], fold));
  }
}

/** v ← μ·v + g; θ ← θ − η·v (Nesterov: θ − η·(g + μ·v)): two programs. */
class FusedMomentum extends Momentum {
  protected override readonly internals = fusedInternals;
  protected override readonly foldsL2 = true;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor, [vel]: tf.Variable[]): void {
    const h = this.hyper;
    const wd = this.foldedDecay;
    const newVel = withGradient('mom-v', [vel!, g], (x) => `mu * a + ${x}`, [['mu', h.momentum]], {
      wd,
      theta: v,
      thetaIsA: false,
    });
    vel!.assign(newVel);
    // vec4 branches, scalar condition; θ is input a, so a folded g reads it there.
    const expr = (x: string) => `a - lr * (nesterov > 0.5 ? ${x} + mu * c : c)`;
    const uniforms: [string, number][] = [
      ['lr', this.rate],
      ['mu', h.momentum],
      ['nesterov', h.nesterov ? 1 : 0],
    ];
    v.assign(withGradient('mom-t', [v, g, newVel], expr, uniforms, { wd, theta: v, thetaIsA: true }));
  }
}

/** s ← s + g², then θ: two programs per variable. */
class FusedAdagrad extends Adagrad {
  protected override readonly internals = fusedInternals;
  protected override readonly foldsL2 = true;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor, [s]: tf.Variable[]): void {
    const wd = this.foldedDecay;
    const newS = withGradient('ada-s', [s!, g], (x) => `a + ${x} * ${x}`, [], {
      wd,
      theta: v,
      thetaIsA: false,
    });
    s!.assign(newS);
    v.assign(rootStep(v, g, newS, [1, this.rate, 1, this.hyper.epsilon], wd));
  }
}

/** s ← β2·s + (1 − β2)·g² (Adam's s program), then θ: two programs per variable. */
class FusedRmsprop extends Rmsprop {
  protected override readonly internals = fusedInternals;
  protected override readonly foldsL2 = true;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor, [s]: tf.Variable[]): void {
    const wd = this.foldedDecay;
    const newS = average('adam-s', s!, g, this.hyper.beta2, { wd, theta: v });
    s!.assign(newS);
    v.assign(rootStep(v, g, newS, [1, this.rate, 1, this.hyper.epsilon], wd));
  }
}

/** m, s and θ: three programs per variable. */
class FusedAdam extends Adam {
  protected override readonly internals = fusedInternals;
  protected override readonly foldsL2 = true;
  protected override addL2 = l2;

  protected override update(v: tf.Variable, g: tf.Tensor, [m, s]: tf.Variable[]): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this.hyper;
    const { stepScale, invRootBias2 } = this.factors();
    const fold = { wd: this.foldedDecay, theta: v };
    const newM = average('adam-m', m!, g, b1, fold);
    const newS = average('adam-s', s!, g, b2, fold);
    m!.assign(newM);
    s!.assign(newS);
    // θ ← keep·θ − (η/(1−P1))·m / (√s·(1/√(1−P2)) + ε), the composed formula term for term (without
    // bias correction the uniforms are η and 1: θ ← θ − η·m/(√s + ε)).
    v.assign(rootStep(v, newM, newS, [this.keep(), stepScale, invRootBias2, eps]));
  }
}

/** AdamW: Adam's programs with keep = 1 − η_t·λ in θ's (its decay is not L2, so nothing is folded). */
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
