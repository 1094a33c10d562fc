// Dropout (shared/dropout.ts, models/mlp.ts) on the CPU backend: the masks' rate, scale and
// determinism (and their bits against numpy's), the hand-written backward pass through them against
// autograd of the same masked forward, exact replay, evaluation without dropout, and rate 0 as no dropout.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { composedBackward } from '../../src/engine/backwardKernels';
import { createModel, type Model } from '../../src/engine/model';
import { glorotUniform } from '../../src/engine/models/parameters';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { settingsOf } from '../../src/experiment/runs';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { isDropping, layerMask, maskValues, unitHash, type Dropout } from '../../src/shared/dropout';
import { createRng } from '../../src/shared/random';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';
import type { Activation, ModelName } from '../../src/shared/model';
import { syntheticData } from '../helpers/syntheticMnist';
import { relError, useCpu } from '../helpers/tf';

beforeAll(useCpu);

const kept = (m: Float32Array) => m.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0) / m.length;

describe('dropout masks', () => {
  it('hash as numpy computes them with uint32 arrays (the formula in shared/dropout.ts)', () => {
    // From the numpy lines in shared/dropout.ts's comment.
    const hashes = (d: Dropout, layer: number, rows: number, cols: number) => {
      const { key } = layerMask(d, layer);
      return Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => unitHash(key, r, c)),
      );
    };
    expect(hashes({ rate: 0.5, seed: 1, step: 1 }, 0, 3, 4)).toEqual([
      [1914016284, 1915687715, 3793996644, 1384369760],
      [2331997226, 2029618765, 1537169535, 2316237927],
      [3801224403, 3072261318, 1825748878, 788133444],
    ]);
    const far: Dropout = { rate: 0.3, seed: 2147483647, step: 100000 };
    expect(hashes(far, 2, 2, 3)).toEqual([
      [1501574909, 4105613814, 3939146416],
      [1285184427, 4110996285, 1352597601],
    ]);
    const keep = Array.from(maskValues(layerMask(far, 2), 2, 3), (v) => (v ? 1 : 0));
    expect(keep).toEqual([1, 0, 0, 1, 0, 1]);
  });

  it.each([0.3, 0.5, 0.9])('p = %s: keep 1 − p of 10⁵ units (within 0.01), scaled by 1/(1 − p)', (p) => {
    const m = maskValues(layerMask({ rate: p, seed: 1, step: 1 }, 0), 1000, 100);
    const share = kept(m);
    console.log(`p = ${p}: kept ${share.toFixed(5)} of 10^5 (expected ${1 - p})`);
    expect(Math.abs(share - (1 - p))).toBeLessThan(0.01);
    const scale = Math.fround(1 / (1 - p));
    expect(m.every((v) => v === 0 || v === scale)).toBe(true);
    // Inverted dropout: each unit's expected value is unchanged.
    expect(Math.abs(m.reduce((a, v) => a + v, 0) / m.length - 1)).toBeLessThan(0.02 / (1 - p));
  });

  it('are the same for the same seed and step; differ between steps, layers and seeds as independent draws', () => {
    const p = 0.5;
    const draw = (seed: number, step: number, layer: number) =>
      maskValues(layerMask({ rate: p, seed, step }, layer), 500, 128);
    expect(draw(3, 7, 1)).toEqual(draw(3, 7, 1));
    const agreement = (a: Float32Array, b: Float32Array) => a.filter((v, i) => v === b[i]).length / a.length;
    for (const [other, what] of [
      [draw(3, 8, 1), 'next step'],
      [draw(3, 7, 0), 'another layer'],
      [draw(4, 7, 1), 'another seed'],
    ] as const) {
      // Independent masks agree where both keep or both drop: p² + (1 − p)².
      expect(Math.abs(agreement(draw(3, 7, 1), other) - (p * p + (1 - p) * (1 - p))), what).toBeLessThan(
        0.01,
      );
    }
    // Neighbouring units and rows are not correlated either.
    const m = draw(3, 7, 1);
    const right = m.subarray(1);
    expect(Math.abs(agreement(m.subarray(0, m.length - 1), right) - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(agreement(m.subarray(0, m.length - 128), m.subarray(128)) - 0.5)).toBeLessThan(0.01);
  });

  it('take rate 0 (or none) as no dropout and refuse a rate outside [0, 1)', () => {
    expect(isDropping(undefined)).toBe(false);
    expect(isDropping({ rate: 0, seed: 1, step: 1 })).toBe(false);
    expect(isDropping({ rate: 0.9, seed: 1, step: 1 })).toBe(true);
    for (const rate of [1, -0.1, NaN])
      expect(() => isDropping({ rate, seed: 1, step: 1 })).toThrow(RangeError);
  });
});

const MLPS: [ModelName, Activation][] = [
  ['mlp-128' as ModelName, 'relu'],
  ['mlp-64-32' as ModelName, 'tanh'],
  ['mlp-32-32-32' as ModelName, 'sigmoid'],
  ['mlp-32-32-32' as ModelName, 'relu'],
];
const DROP: Dropout = { rate: 0.5, seed: 7, step: 3 };

function batch(n: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const rng = createRng(seed);
  const labels = Array.from({ length: n }, () => Math.floor(rng() * NUM_CLASSES));
  const x = tf.tensor2d(
    Float32Array.from({ length: n * IMAGE_PIXELS }, () => rng()),
    [n, IMAGE_PIXELS],
  );
  return { x, y: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat() as tf.Tensor2D };
}

/** An MLP with non-zero biases, so their gradients flow through every path. */
function mlp(name: ModelName, f: Activation): Model {
  const model = createModel(name, f, 3);
  const rng = createRng(9);
  model.variables.forEach((v, i) => {
    if (i % 2 === 1) v.assign(tf.tensor1d(glorotUniform(1, v.size, rng, v.size)));
  });
  return model;
}

/** The masked forward from plain ops and masks built here: h̃_l = f(h̃_{l−1}·W_l + b_l) ⊙ m_l. */
function referenceLoss(vars: tf.Variable[], f: Activation, x: tf.Tensor2D, y: tf.Tensor2D, d: Dropout) {
  let h: tf.Tensor = x;
  const depth = vars.length / 2 - 1;
  for (let l = 0; l <= depth; l++) {
    h = tf.add(tf.matMul(h as tf.Tensor2D, vars[2 * l] as tf.Tensor as tf.Tensor2D), vars[2 * l + 1]!);
    if (l === depth) break;
    h = f === 'relu' ? tf.relu(h) : f === 'tanh' ? tf.tanh(h) : tf.sigmoid(h);
    const [rows, cols] = h.shape as [number, number];
    h = tf.mul(h, tf.tensor2d(maskValues(layerMask(d, l), rows, cols), [rows, cols]));
  }
  return tf.losses.softmaxCrossEntropy(y, h as tf.Tensor2D) as tf.Scalar;
}

describe('the MLPs trained through dropout', () => {
  it.each(MLPS)('%s/%s: the hand-written backward equals autograd of the same masked forward', (name, f) => {
    const model = mlp(name, f);
    const { x, y } = batch(16, 4);
    const ours = model.backward(x, y, composedBackward, DROP);
    const { value, grads } = tf.variableGrads(
      () => referenceLoss(model.variables, f, x, y, DROP),
      model.variables,
    );
    const errors = model.variables.map((v, i) =>
      relError(ours.grads[i]!.dataSync(), grads[v.name]!.dataSync()),
    );
    console.log(`${name}/${f} with p = ${DROP.rate}: worst relative gradient error ${Math.max(...errors)}`);
    errors.forEach((err, i) => expect(err, model.names[i]).toBeLessThan(1e-5));
    // The stats are the dropped pass's, as the step trained on.
    expect(relError([ours.stats.dataSync()[0]! / 16], value.dataSync())).toBeLessThan(1e-5);
    // And dropout did change them: the mask is in the pass.
    const plain = model.backward(x, y, composedBackward);
    expect(relError(plain.grads[0]!.dataSync(), ours.grads[0]!.dataSync())).toBeGreaterThan(1e-2);
    tf.dispose([
      x,
      y,
      value,
      ...Object.values(grads),
      ...ours.grads,
      ours.stats,
      ...plain.grads,
      plain.stats,
    ]);
    model.dispose();
  });

  it('rate 0 is the plain pass: the same kernels and the same bits; nothing is left behind', async () => {
    const model = mlp('mlp-32-32-32' as ModelName, 'relu');
    const { x, y } = batch(16, 4);
    const run = async (d?: Dropout) => {
      let out: Awaited<ReturnType<Model['backward']>> | undefined;
      const profile = await tf.profile(() => {
        out = model.backward(x, y, composedBackward, d);
        return [...out.grads, out.stats];
      });
      const values = await Promise.all([...out!.grads, out!.stats].map((t) => t.data()));
      tf.dispose([...out!.grads, out!.stats]);
      return { kernels: profile.kernels.map((k) => k.name), values };
    };
    const before = tf.memory().numTensors;
    const plain = await run();
    expect(await run({ ...DROP, rate: 0 })).toEqual(plain);
    const dropped = await run(DROP);
    // One product by the mask per hidden layer forward, and one more in each hidden layer's gradient.
    expect(dropped.kernels.length - plain.kernels.length).toBe(3 * 2);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('the CNN ignores dropout', () => {
    const model = createModel('cnn' as ModelName, 'relu', 2);
    const { x, y } = batch(4, 5);
    const a = model.backward(x, y, composedBackward, DROP);
    const b = model.backward(x, y, composedBackward);
    a.grads.forEach((g, i) => expect(g.dataSync()).toEqual(b.grads[i]!.dataSync()));
    tf.dispose([x, y, ...a.grads, ...b.grads, a.stats, b.stats]);
    model.dispose();
  });
});

describe('a trainer with dropout', () => {
  const data = syntheticData(320);
  const config = (dropout?: number): TrainerConfig => ({
    settings: settingsOf(DEFAULT_CONFIG),
    batchSize: 32,
    epochs: 1,
    seed: 5,
    preprocessing: 'scale',
    internals: false,
    ...(dropout === undefined ? {} : { dropout }),
  });
  const train = async (t: Trainer, steps: number) => {
    for (let i = 0; i < steps; i++) t.trainStep();
    return (await t.flushMetrics()).map((m) => m.loss);
  };

  it('replays exactly (also from a checkpoint), and rate 0 trains as a trainer given no dropout', async () => {
    const losses = async (dropout?: number) => {
      const t = new Trainer(data, config(dropout));
      const out = await train(t, 8);
      t.dispose();
      return out;
    };
    const dropped = await losses(0.5);
    expect(await losses(0.5)).toEqual(dropped);
    // Carried on from a checkpoint, a run draws the masks of its steps, not of a fresh start.
    const first = new Trainer(data, config(0.5));
    await train(first, 4);
    const resumed = new Trainer(data, config(0.5));
    resumed.restore(await first.checkpoint());
    expect(await train(resumed, 4)).toEqual(dropped.slice(4));
    first.dispose();
    resumed.dispose();
    const plain = await losses();
    expect(await losses(0)).toEqual(plain);
    // The first step's weights are the same: only the masks tell the runs apart.
    expect(dropped[0]).not.toEqual(plain[0]);
  });

  it('evaluates without dropout: the same logits and loss as a trainer without it, on the same weights', async () => {
    const dropped = new Trainer(data, config(0.5));
    await train(dropped, 5);
    const plain = new Trainer(data, config());
    plain.restore(await dropped.checkpoint());
    expect(await dropped.evaluate('validation')).toEqual(await plain.evaluate('validation'));
    const { x } = batch(8, 6);
    const [a, b] = [dropped.model.logits(x), plain.model.logits(x)];
    expect(await a.data()).toEqual(await b.data());
    tf.dispose([x, a, b]);
    dropped.dispose();
    plain.dispose();
  });
});
