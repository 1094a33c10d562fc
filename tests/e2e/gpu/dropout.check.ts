// Dropout on the real WebGL backend: the masks the shaders hash equal shared/dropout.ts's bit for bit,
// the fused backward pass through them equals the composed one (masks built on the host and uploaded),
// a dropped pass adds one program per hidden layer and no engine kernel, and a trainer with dropout
// trains alike on both paths without leaving tensors behind.
import * as tf from '@tensorflow/tfjs';
import { composedBackward } from '../../../src/engine/backwardKernels';
import { createModel } from '../../../src/engine/model';
import { Trainer } from '../../../src/engine/trainer';
import { fusedBackward } from '../../../src/engine/webgl/fusedBackward';
import { webglKernels } from '../../../src/engine/webgl/kernels';
import { programLaunches } from '../../../src/engine/webgl/run';
import { layerMask, type Dropout } from '../../../src/shared/dropout';
import type { Activation, ModelName } from '../../../src/shared/model';
import { createRng } from '../../../src/shared/random';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { settingsOf } from '../../../src/experiment/runs';
import { relError } from '../../helpers/tf';
import { compareBackward } from './models.check';

/** The backward passes checked with dropout, reported as `model/activation`. */
const CASES: [ModelName, Activation][] = [
  ['mlp-128' as ModelName, 'relu'],
  ['mlp-32-32-32' as ModelName, 'relu'],
  ['mlp-32-32-32' as ModelName, 'tanh'],
  ['mlp-32-32-32' as ModelName, 'sigmoid'],
];
export const DROPOUT_CASES = CASES.map(([model, f]) => `${model}/${f}`);

export interface DropoutComparison {
  /** Largest |fused − composed| of h ⊙ m, odd and even shapes, seeds and steps using all 32 bits: 0 expected. */
  mask: number;
  /** Largest relative error of the gradients and stats, fused against composed, per DROPOUT_CASES entry. */
  backward: Record<string, number>;
  /** What a dropped backward pass of `mlp-32-32-32` launches beyond the plain one. */
  extra: { programs: number; kernels: number };
  /** Losses of 6 steps with dropout, webglKernels against the composed defaults. */
  trainer: { worst: number; tensorGrowth: number };
  tensorGrowth: number;
}

const DROP: Dropout = { rate: 0.5, seed: 7, step: 3 };

async function compareMasks(): Promise<number> {
  const rng = createRng(8);
  const cases: [Dropout, number, [number, number]][] = [
    [{ rate: 0.3, seed: 2147483647, step: 123456 }, 2, [33, 37]],
    [{ rate: 0.5, seed: 0, step: 1 }, 0, [32, 128]],
    [{ rate: 0.9, seed: 1, step: 4000 }, 1, [1, 5]],
  ];
  let worst = 0;
  for (const [d, layer, shape] of cases) {
    const h = tf.tensor2d(
      Float32Array.from({ length: shape[0] * shape[1] }, () => rng() + 0.5),
      shape,
    );
    const fused = fusedBackward.dropout(h, layerMask(d, layer));
    const composed = composedBackward.dropout(h, layerMask(d, layer));
    const [a, b] = await Promise.all([fused.data(), composed.data()]);
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    tf.dispose([h, fused, composed]);
  }
  return worst;
}

/** Our programs and the engine's kernels one backward pass launches. */
async function launches(dropout?: Dropout): Promise<{ programs: number; kernels: number }> {
  const net = createModel('mlp-32-32-32' as ModelName, 'relu', 5);
  const x = tf.randomUniform([32, 784], 0, 1, 'float32', 1) as tf.Tensor2D;
  const labels = Array.from({ length: 32 }, (_, i) => i % 10);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D);
  const warm = net.backward(x, y, fusedBackward, dropout);
  tf.dispose([...warm.grads, warm.stats]);
  const before = programLaunches.count;
  const profile = await tf.profile(() => {
    const r = net.backward(x, y, fusedBackward, dropout);
    tf.dispose([...r.grads, r.stats]);
  });
  const programs = programLaunches.count - before;
  tf.dispose([x, y]);
  net.dispose();
  return { programs, kernels: profile.kernels.length };
}

async function compareTrainers(): Promise<{ worst: number; tensorGrowth: number }> {
  const rng = createRng(9);
  const n = 256;
  const split = {
    images: Uint8Array.from({ length: n * 784 }, () => Math.floor(rng() * 256)),
    labels: Uint8Array.from({ length: n }, () => Math.floor(rng() * 10)),
    count: n,
  };
  const data = { train: split, validation: split, test: split };
  const settings = { ...settingsOf(DEFAULT_CONFIG), optimizer: 'sgd' as const };
  const run = async (fused: boolean) => {
    const config = {
      settings,
      batchSize: 32,
      epochs: 1,
      seed: 3,
      preprocessing: 'scale' as const,
      dropout: 0.4,
    };
    const t = new Trainer(data, config, undefined, fused ? webglKernels : {});
    t.trainStep();
    await t.flushMetrics();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) t.trainStep();
    const losses = (await t.flushMetrics()).map((m) => m.loss);
    const growth = tf.memory().numTensors - before;
    t.dispose();
    return { losses, growth };
  };
  const [fused, composed] = [await run(true), await run(false)];
  return { worst: relError(fused.losses, composed.losses), tensorGrowth: fused.growth };
}

export async function compareDropout(): Promise<DropoutComparison> {
  const before = tf.memory().numTensors;
  const mask = await compareMasks();
  const backward: Record<string, number> = {};
  for (const [model, f] of CASES) backward[`${model}/${f}`] = await compareBackward(model, f, DROP);
  const [plain, dropped] = [await launches(), await launches(DROP)];
  const extra = { programs: dropped.programs - plain.programs, kernels: dropped.kernels - plain.kernels };
  const tensorGrowth = tf.memory().numTensors - before;
  return { mask, backward, extra, trainer: await compareTrainers(), tensorGrowth };
}
