// The hand-written backward pass against tfjs autograd and against finite differences.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { composedBackward } from '../../src/engine/backwardKernels';
import { createMlp, glorotUniform } from '../../src/engine/model';
import { createRng } from '../../src/shared/random';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../src/shared/mnist';
import { relError, useCpu } from '../helpers/tf';

beforeAll(useCpu);

function batch(n: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const rng = createRng(seed);
  const labels = Array.from({ length: n }, () => Math.floor(rng() * NUM_CLASSES));
  const x = tf.tensor2d(
    Float32Array.from({ length: n * IMAGE_PIXELS }, () => rng()),
    [n, IMAGE_PIXELS],
  );
  return { x, y: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat() as tf.Tensor2D, labels };
}

/** Mean cross-entropy through tfjs's own softmax CE, for autograd. */
const referenceLoss = (logits: tf.Tensor2D, y: tf.Tensor2D) =>
  tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;

describe('MLP backward pass', () => {
  it('matches tfjs autograd gradients and loss within 1e-5', () => {
    const model = createMlp(3);
    // Non-zero biases so their gradients flow through every path.
    const rng = createRng(9);
    model.variables[1]!.assign(tf.tensor1d(glorotUniform(1, 128, rng)));
    model.variables[3]!.assign(tf.tensor1d(glorotUniform(1, NUM_CLASSES, rng)));
    const { x, y, labels } = batch(16, 4);
    const ours = model.backward(x, y, composedBackward);
    const { value, grads } = tf.variableGrads(() => referenceLoss(model.logits(x), y), model.variables);
    model.variables.forEach((v, i) => {
      expect(relError(ours.grads[i]!.dataSync(), grads[v.name]!.dataSync()), `gradient ${i}`).toBeLessThan(
        1e-5,
      );
    });
    const [lossSum, correct] = ours.stats.dataSync();
    expect(lossSum! / 16).toBeCloseTo(value.dataSync()[0]!, 5);
    const predicted = tf.argMax(model.logits(x), 1).arraySync() as number[];
    expect(correct).toBe(predicted.filter((p, i) => p === labels[i]).length);
    model.dispose();
  });

  it('agrees with central finite differences on sampled weights', () => {
    const model = createMlp(5);
    const { x, y } = batch(8, 6);
    const { grads } = model.backward(x, y, composedBackward);
    const loss = () => tf.tidy(() => referenceLoss(model.logits(x), y).dataSync()[0]!);
    const rng = createRng(11);
    // Small enough to rarely straddle a ReLU kink, large enough for float32 differences of a loss near 2.3.
    const h = 1e-3;
    for (const [vi, count] of [
      [0, 6],
      [1, 4],
      [2, 6],
      [3, 4],
    ] as const) {
      const v = model.variables[vi]!;
      const g = grads[vi]!.dataSync();
      for (let k = 0; k < count; k++) {
        const idx = Math.floor(rng() * v.size);
        const base = v.dataSync().slice();
        const at = (delta: number) => {
          const w = base.slice();
          w[idx]! += delta;
          v.assign(tf.tensor(w, v.shape));
          return loss();
        };
        const numeric = (at(h) - at(-h)) / (2 * h);
        v.assign(tf.tensor(base, v.shape));
        expect(Math.abs(numeric - g[idx]!), `variable ${vi} element ${idx}`).toBeLessThan(
          1e-3 + 0.02 * Math.abs(g[idx]!),
        );
      }
    }
    model.dispose();
  });
});
