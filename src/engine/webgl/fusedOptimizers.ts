// SGD, momentum and Adam as fused WebGL programs: one program per output (θ, v, m, s), with η, β, ε and
// the bias corrections passed as uniforms. Same update rules as the composed reference in ../optimizers.ts,
// which a browser test compares them with. Instruments (applyMeasured, on the steps that record them)
// read θ, g and the new slots after the fused update with the programs of fusedInternals.ts.
import type * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import type { EngineHyperParams } from '../../shared/checkpoint';
import type { OptimizerName } from '../../shared/settings';
import { Adam, Momentum, Sgd, type Optimizer } from '../optimizers';
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

/** θ ← θ − η·g: one program. */
class FusedSgd extends Sgd {
  protected override readonly internals = fusedInternals;

  protected override update(v: tf.Variable, g: tf.Tensor): void {
    v.assign(
      runProgram(program('sgd', v.shape, 2, 'a - lr * b', ['lr']), [v, g], [[this.hyper.learningRate]]),
    );
  }
}

/** v ← μ·v + g; θ ← θ − η·v (Nesterov: θ − η·(g + μ·v)): two programs. */
class FusedMomentum extends Momentum {
  protected override readonly internals = fusedInternals;

  protected override update(v: tf.Variable, g: tf.Tensor, [vel]: tf.Variable[]): void {
    const h = this.hyper;
    const newVel = runProgram(program('mom-v', v.shape, 2, 'mu * a + b', ['mu']), [vel!, g], [[h.momentum]]);
    vel!.assign(newVel);
    const expr = 'a - lr * (nesterov > 0.5 ? b + mu * c : c)'; // vec4 branches, scalar condition
    const theta = runProgram(
      program('mom-t', v.shape, 3, expr, ['lr', 'mu', 'nesterov']),
      [v, g, newVel],
      [[h.learningRate], [h.momentum], [h.nesterov ? 1 : 0]],
    );
    v.assign(theta);
  }
}

/** m, s and θ: three programs per variable. */
class FusedAdam extends Adam {
  protected override readonly internals = fusedInternals;

  protected override update(v: tf.Variable, g: tf.Tensor, [m, s]: tf.Variable[]): void {
    const { beta1: b1, beta2: b2, epsilon: eps } = this.hyper;
    const { stepScale, invRootBias2 } = this.factors();
    const newM = runProgram(
      program('adam-m', v.shape, 2, 'b1 * a + (1.0 - b1) * b', ['b1']),
      [m!, g],
      [[b1]],
    );
    const newS = runProgram(
      program('adam-s', v.shape, 2, 'b2 * a + (1.0 - b2) * b * b', ['b2']),
      [s!, g],
      [[b2]],
    );
    m!.assign(newM);
    s!.assign(newS);
    // θ ← θ − (η/(1−P1))·m / (√s·(1/√(1−P2)) + ε), the composed formula term for term (without bias
    // correction the uniforms are η and 1: θ ← θ − η·m/(√s + ε)).
    const expr = 'a - step * b / (sqrt(c) * invRootBias2 + eps)';
    const theta = runProgram(
      program('adam-t', v.shape, 3, expr, ['step', 'invRootBias2', 'eps']),
      [v, newM, newS],
      [[stepScale], [invRootBias2], [eps]],
    );
    v.assign(theta);
  }
}

/** Same contract as createOptimizer, with updates done by fused programs (WebGL backend only). */
export function createFusedOptimizer(name: OptimizerName, hyper: EngineHyperParams): Optimizer {
  switch (name) {
    case 'sgd':
      return new FusedSgd(hyper);
    case 'momentum':
      return new FusedMomentum(hyper);
    case 'adam':
      return new FusedAdam(hyper);
  }
}
