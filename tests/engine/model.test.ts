// Every model's backward pass against tfjs autograd and against central finite differences of a float64
// reference (modelReference.ts), for each depth and activation; the CNN's layout; the initial weights.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { composedBackward } from '../../src/engine/backwardKernels';
import { createModel, type Model } from '../../src/engine/model';
import { glorotUniform } from '../../src/engine/models/parameters';
import { createRng, deriveSeed } from '../../src/shared/random';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';
import {
  ACTIVATIONS,
  modelSpec,
  parameterCount,
  tensorShapes,
  type Activation,
  type ModelName,
} from '../../src/shared/model';
import { relError, useCpu } from '../helpers/tf';
import { loss64, logits64 } from './modelReference';

beforeAll(useCpu);

const MLPS = ['mlp', 'mlp-64', 'mlp-64-32', 'mlp-32-32-32'] as ModelName[];
/** Each depth with each activation (softmax regression has none). */
const CASES: [ModelName, Activation][] = MLPS.flatMap((name) =>
  (name === 'mlp' ? (['relu'] as const) : ACTIVATIONS).map((f): [ModelName, Activation] => [name, f]),
);
const CNN = 'cnn' as ModelName;

function batch(n: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const rng = createRng(seed);
  const labels = Array.from({ length: n }, () => Math.floor(rng() * NUM_CLASSES));
  const x = tf.tensor2d(
    Float32Array.from({ length: n * IMAGE_PIXELS }, () => rng()),
    [n, IMAGE_PIXELS],
  );
  return { x, y: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat() as tf.Tensor2D, labels };
}

/** Non-zero biases, so their gradients flow through every path. */
function randomBiases(model: Model, seed: number): void {
  const rng = createRng(seed);
  model.variables.forEach((v, i) => {
    if (i % 2 === 1) v.assign(tf.tensor1d(glorotUniform(1, v.size, rng, v.size)));
  });
}

/** The MLP's mean cross-entropy from plain ops (no fused kernels, no model code): what autograd differentiates. */
function referenceLoss(vars: tf.Variable[], f: Activation, x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  let h: tf.Tensor = x;
  for (let l = 0; l < vars.length / 2; l++) {
    h = tf.add(tf.matMul(h as tf.Tensor2D, vars[2 * l] as tf.Tensor as tf.Tensor2D), vars[2 * l + 1]!);
    if (l < vars.length / 2 - 1) h = f === 'relu' ? tf.relu(h) : f === 'tanh' ? tf.tanh(h) : tf.sigmoid(h);
  }
  return tf.losses.softmaxCrossEntropy(y, h as tf.Tensor2D) as tf.Scalar;
}

/**
 * Worst |numeric − ours| over sampled weights of each variable, as a fraction of that variable's
 * largest gradient: numeric from the float64 loss with step 1e-6 (truncation ~1e-12, rounding ~1e-10).
 */
function finiteDifferenceError(
  model: Model,
  f: Activation,
  x: tf.Tensor2D,
  labels: number[],
  perVariable: number,
) {
  const { grads } = model.backward(
    x,
    tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat() as tf.Tensor2D,
    composedBackward,
  );
  const weights = model.variables.map((v) => Float64Array.from(v.dataSync()));
  const x64 = Float64Array.from(x.dataSync());
  const rng = createRng(11);
  const h = 1e-6;
  let worst = 0;
  weights.forEach((w, vi) => {
    const g = grads[vi]!.dataSync();
    const scale = Math.max(...Array.from(g, Math.abs));
    for (let k = 0; k < perVariable; k++) {
      const idx = Math.floor(rng() * w.length);
      const at = (delta: number) => {
        const base = w[idx]!;
        w[idx] = base + delta;
        const loss = loss64(model.spec, f, weights, x64, labels);
        w[idx] = base;
        return loss;
      };
      const numeric = (at(h) - at(-h)) / (2 * h);
      worst = Math.max(worst, Math.abs(numeric - g[idx]!) / scale);
    }
  });
  return worst;
}

describe('MLP backward pass, every depth and activation', () => {
  it.each(CASES)('%s/%s matches tfjs autograd within 1e-5', (name, f) => {
    const model = createModel(name, f, 3);
    randomBiases(model, 9);
    const { x, y, labels } = batch(16, 4);
    const ours = model.backward(x, y, composedBackward);
    const { value, grads } = tf.variableGrads(() => referenceLoss(model.variables, f, x, y), model.variables);
    expect(ours.grads.map((g) => g.shape)).toEqual(tensorShapes(model.spec));
    model.variables.forEach((v, i) => {
      const err = relError(ours.grads[i]!.dataSync(), grads[v.name]!.dataSync());
      expect(err, model.names[i]).toBeLessThan(1e-5);
    });
    const [lossSum, correct] = ours.stats.dataSync();
    expect(lossSum! / 16).toBeCloseTo(value.dataSync()[0]!, 5);
    const predicted = tf.argMax(model.logits(x), 1).arraySync() as number[];
    expect(correct).toBe(predicted.filter((p, i) => p === labels[i]).length);
    model.dispose();
  });

  it.each(CASES)('%s/%s agrees with float64 central differences', (name, f) => {
    const model = createModel(name, f, 5);
    randomBiases(model, 7);
    const { x, labels } = batch(8, 6);
    // Observed ≤ 1.5e-7: float32 rounding of our pass; a wrong term shows up as order 1.
    expect(finiteDifferenceError(model, f, x, labels, 6)).toBeLessThan(1e-5);
    model.dispose();
  });
});

describe('CNN', () => {
  it('has the issue’s layers: 11,274 parameters, HWIO kernels, conv1 … dense1 names', () => {
    const model = createModel(CNN, 'relu', 1);
    expect(model.variables.map((v) => v.shape)).toEqual([
      [5, 5, 1, 8],
      [8],
      [5, 5, 8, 16],
      [16],
      [784, 10],
      [10],
    ]);
    expect(model.variables.reduce((s, v) => s + v.size, 0)).toBe(11_274);
    expect(parameterCount(model.spec)).toBe(11_274);
    expect(model.names).toEqual([
      'conv1.kernel',
      'conv1.bias',
      'conv2.kernel',
      'conv2.bias',
      'dense1.kernel',
      'dense1.bias',
    ]);
    model.dispose();
  });

  it('computes the float64 reference’s logits (same padding, NHWC flattening)', () => {
    const model = createModel(CNN, 'relu', 2);
    randomBiases(model, 3);
    const { x } = batch(3, 8);
    const ours = model.logits(x).dataSync();
    const reference = logits64(
      model.spec,
      'relu',
      model.variables.map((v) => Float64Array.from(v.dataSync())),
      Float64Array.from(x.dataSync()),
      3,
    );
    expect(relError(ours, reference)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('takes autograd gradients that agree with float64 central differences, and the batch’s stats', () => {
    const model = createModel(CNN, 'relu', 4);
    randomBiases(model, 5);
    const { x, y, labels } = batch(2, 10);
    expect(finiteDifferenceError(model, 'relu', x, labels, 8)).toBeLessThan(1e-5);
    const { stats } = model.backward(x, y, composedBackward);
    const loss = loss64(
      model.spec,
      'relu',
      model.variables.map((v) => Float64Array.from(v.dataSync())),
      Float64Array.from(x.dataSync()),
      labels,
    );
    const [lossSum, correct] = stats.dataSync();
    expect(lossSum! / 2).toBeCloseTo(loss, 5);
    const predicted = tf.argMax(model.logits(x), 1).arraySync() as number[];
    expect(correct).toBe(predicted.filter((p, i) => p === labels[i]).length);
    model.dispose();
  });

  it('leaves no tensor behind but the gradients and stats it returns', () => {
    const model = createModel(CNN, 'relu', 4);
    const { x, y } = batch(4, 12);
    const before = tf.memory().numTensors;
    const out = model.backward(x, y, composedBackward);
    expect(tf.memory().numTensors).toBe(before + out.grads.length + 1);
    tf.dispose([...out.grads, out.stats]);
    model.dispose();
  });
});

describe('initial weights', () => {
  it('mlp-128 with ReLU draws the weights it drew before model choice', async () => {
    const model = createModel(modelName('mlp-128'), 'relu', 3);
    const rng = createRng(deriveSeed(3, 1));
    const expected = [
      glorotUniform(784, 128, rng),
      new Float32Array(128),
      glorotUniform(128, 10, rng),
      new Float32Array(10),
    ];
    expect(await model.snapshot()).toEqual(expected);
    model.dispose();
  });

  it('draws every kernel Glorot-uniform for its fans (a convolution’s include its 5×5 field), biases zero', async () => {
    for (const name of ['cnn', 'mlp-64-32'] as ModelName[]) {
      const model = createModel(name, 'tanh', 8);
      const weights = await model.snapshot();
      model.variables.forEach((v, i) => {
        const w = weights[i]!;
        if (v.rank === 1) return expect(w.every((x) => x === 0)).toBe(true);
        const receptive = v.shape.slice(0, -2).reduce((a, b) => a * b, 1);
        const limit = Math.sqrt(6 / (receptive * (v.shape.at(-2)! + v.shape.at(-1)!)));
        const max = Math.max(...Array.from(w, Math.abs));
        // Uniform on (−limit, limit): the largest of n draws comes within limit/n of the edge or so.
        expect(max, model.names[i]).toBeLessThanOrEqual(limit);
        expect(max, model.names[i]).toBeGreaterThan(limit * (1 - 20 / w.length));
      });
      model.dispose();
    }
  });

  it('differs with the seed and the model, not with the activation', async () => {
    const weights = async (name: string, f: Activation, seed: number) => {
      const m = createModel(modelName(name), f, seed);
      const w = await m.snapshot();
      m.dispose();
      return w;
    };
    expect(await weights('mlp-64', 'tanh', 1)).toEqual(await weights('mlp-64', 'sigmoid', 1));
    expect(await weights('mlp-64', 'tanh', 2)).not.toEqual(await weights('mlp-64', 'tanh', 1));
    expect(modelSpec(modelName('mlp-64'))).toEqual({ kind: 'mlp', hidden: [64] });
  });
});

function modelName(text: string): ModelName {
  return text as ModelName;
}
