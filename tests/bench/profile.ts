// Where a training step's time goes: each part of our WebGL step timed on its own (repeated, then one
// readback to wait for the GPU), next to the whole step. Run with `npm run bench -- --profile`.
import * as tf from '@tensorflow/tfjs';
import { composedBackward } from '../../src/engine/backwardKernels';
import type { MnistData } from '../../src/engine/mnist';
import { createOptimizer } from '../../src/engine/optimizers';
import { Trainer, type TrainerKernels } from '../../src/engine/trainer';
import { NOT_COUNTED, type Job, type RunResult } from './jobs';
import { DEFAULT_MODEL } from '../../src/shared/model';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { hyperParamsOf } from '../../src/shared/settings';

const REPS = 40;

/** Wall time per repetition of `f`, after a warm-up call, including the wait for the GPU. */
async function timeIt(
  name: string,
  log: (s: string) => void,
  f: () => tf.Tensor | tf.Tensor[] | void,
): Promise<number> {
  log(`timing ${name}`);
  const sync = async (r: ReturnType<typeof f>) => {
    const t = Array.isArray(r) ? r[0] : r;
    if (t) await t.data();
  };
  const warm = tf.tidy(f);
  await sync(warm);
  tf.dispose(warm ?? []);
  const t0 = performance.now();
  let last: ReturnType<typeof f> = undefined;
  for (let i = 0; i < REPS; i++) {
    tf.dispose(last ?? []);
    last = tf.tidy(f);
  }
  await sync(last);
  tf.dispose(last ?? []);
  return (performance.now() - t0) / REPS;
}

export async function runProfile(
  job: Job,
  data: MnistData,
  kernels: TrainerKernels,
  log: (s: string) => void,
): Promise<
  Omit<RunResult, 'renderer' | 'loadMs' | 'totalMs' | 'gpuDataBytes'> & { breakdown: Record<string, number> }
> {
  const b = job.batchSize;
  const hyper = hyperParamsOf(settingsOf(DEFAULT_CONFIG));
  const t = new Trainer(
    data,
    {
      settings: { optimizer: job.optimizer, ...hyper },
      batchSize: b,
      epochs: 1,
      seed: 1,
      preprocessing: 'scale',
      // The whole step timed below is one without instruments; they have their own part.
      internals: false,
    },
    undefined,
    kernels,
  );
  const k = kernels.backward ?? composedBackward;
  const [w1, b1, w2, b2] = t.model.variables as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const xs = new Float32Array(b * 784).map((_, i) => (i % 7) / 7);
  const ys = new Float32Array(b * 10).map((_, i) => (i % 10 === i % 3 ? 1 : 0));
  const x = tf.tensor2d(xs, [b, 784]);
  const y = tf.tensor2d(ys, [b, 10]);
  const xin = k.prepareInput(x);
  const h = tf.fused.matMul({ a: xin, b: w1, bias: b1, activation: 'relu' }) as tf.Tensor2D;
  const z = tf.fused.matMul({ a: h, b: w2, bias: b2 }) as tf.Tensor2D;
  const dz = k.gradient(z, y);
  const dh = k.reluGrad(tf.matMul(dz, w2, false, true), h);
  const grads = t.model.backward(x, y, k).grads;
  const opt = (kernels.createOptimizer ?? createOptimizer)(job.optimizer, hyper);
  log('timing the parts of one step …');
  const parts: [string, () => tf.Tensor | tf.Tensor[] | void][] = [
    ['upload x, y', () => [tf.tensor2d(xs, [b, 784]).add(0), tf.tensor2d(ys, [b, 10])]],
    ['pack x', () => k.prepareInput(x)],
    [
      'layer 1 forward (784→128, bias, ReLU)',
      () => tf.fused.matMul({ a: xin, b: w1, bias: b1, activation: 'relu' }),
    ],
    ['layer 2 forward (128→10)', () => tf.fused.matMul({ a: h, b: w2, bias: b2 })],
    ['softmax cross-entropy: gradient + stats', () => [k.gradient(z, y), k.stats(z, y)]],
    ['dh = (dz·W2ᵀ) ⊙ ReLU′', () => k.reluGrad(tf.matMul(dz, w2, false, true), h)],
    ['dW1 = xᵀ·dh (784×128)', () => tf.matMul(xin, dh, true, false)],
    ['dW2, db1, db2', () => [tf.matMul(h, dz, true, false), tf.sum(dh, 0), tf.sum(dz, 0)]],
    [`${job.optimizer} update of all weights`, () => void opt.apply(t.model.variables, grads)],
    [
      `${job.optimizer} update + instruments (1 step in 10 after step 50)`,
      () => opt.applyMeasured(t.model.variables, grads).raw,
    ],
  ];
  const breakdown: Record<string, number> = {};
  for (const [name, f] of parts) breakdown[name] = await timeIt(name, log, f);
  // The whole step keeps its metrics pending (no tidy around it); one flush waits for the GPU.
  t.trainStep();
  await t.flushMetrics();
  const t0 = performance.now();
  for (let i = 0; i < REPS; i++) t.trainStep();
  await t.flushMetrics();
  const whole = (performance.now() - t0) / REPS;
  breakdown['whole training step'] = whole;
  tf.dispose([x, y, xin, h, z, dz, dh, ...grads]);
  opt.dispose();
  t.dispose();
  return {
    id: job.id,
    impl: job.impl,
    optimizer: job.optimizer,
    model: DEFAULT_MODEL, // the parts timed are the reference network's
    batchSize: b,
    mode: job.mode,
    lanes: 1,
    ablation: null,
    steps: REPS,
    ms: whole * REPS,
    samplesPerSec: (b * 1000) / whole,
    msPerStep: whole,
    ...NOT_COUNTED,
    breakdown,
  };
}
