// The fused optimizer programs against the composed optimizers on the real WebGL backend, step by step
// from identical weights, on the tensor shapes of any model (2-D kernels, 4-D convolution kernels).
import * as tf from '@tensorflow/tfjs';
import { createOptimizer } from '../../../src/engine/optimizers';
import { createFusedOptimizer } from '../../../src/engine/webgl/fusedOptimizers';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { settingsOf } from '../../../src/experiment/runs';
import { createRng } from '../../../src/shared/random';
import {
  OPTIMIZERS,
  hyperParamsOf,
  type HyperParams,
  type OptimizerName,
} from '../../../src/shared/settings';
import { relError } from '../../helpers/tf';

const HYPER: HyperParams = { ...hyperParamsOf(settingsOf(DEFAULT_CONFIG)), learningRate: 0.01 };

/** Worst relative error per step between fused and composed, each step starting from the same state. */
export async function compareOptimizer(
  name: OptimizerName,
  nesterov: boolean,
  shapes: number[][],
): Promise<number> {
  const rng = createRng(1);
  const rand = (shape: number[]) =>
    tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1),
      shape,
    );
  // Weight decay from the start (L2 adds a program; AdamW decays θ in its θ program).
  const h = { ...HYPER, nesterov, weightDecay: 0.01 };
  const a = tf.tidy(() => shapes.map((s) => tf.variable(rand(s))));
  const b = tf.tidy(() => a.map((v) => tf.variable(v.clone())));
  const composed = createOptimizer(name, h);
  const fused = createFusedOptimizer(name, h);
  let worst = 0;
  for (let step = 0; step < 30; step++) {
    if (step === 10)
      [composed, fused].forEach((o) =>
        o.setHyperParams({ learningRate: 0.05, beta1: 0.5, beta2: 0.9, momentum: 0.5 }),
      );
    if (step === 20)
      [composed, fused].forEach((o) => o.setHyperParams({ epsilon: 1e-3, nesterov: !nesterov }));
    // A schedule's factor, different at every step.
    [composed, fused].forEach((o) => o.setLearningRateScale(0.25 + step / 40));
    if (step === 15) [composed, fused].forEach((o) => o.setHyperParams({ weightDecay: 0 }));
    const grads = tf.tidy(() => shapes.map((s) => rand(s)));
    composed.apply(a, grads);
    fused.apply(b, grads);
    grads.forEach((g) => g.dispose());
    for (let i = 0; i < a.length; i++) {
      worst = Math.max(worst, relError(await b[i]!.data(), await a[i]!.data()));
      b[i]!.assign(a[i]!); // next step starts from identical weights: measures one update's error
    }
  }
  composed.dispose();
  fused.dispose();
  [...a, ...b].forEach((v) => v.dispose());
  return worst;
}

/**
 * Each optimizer variant on `shapes`, with weight decay and a changing schedule factor. `names`: which
 * optimizers (all of them by default; the other models' shapes need only one of each kind of program).
 */
export async function compareOptimizers(
  shapes: number[][],
  names: readonly OptimizerName[] = OPTIMIZERS,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of names) {
    out[name] = await compareOptimizer(name, false, shapes);
    if (name === 'momentum') out.nesterov = await compareOptimizer(name, true, shapes);
  }
  return out;
}
