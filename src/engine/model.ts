// Model construction: the reference recipe's MLP (784 → 128 ReLU → 10 logits) as plain variables.
// Kept in one module so other architectures can be added beside it.
import * as tf from '@tensorflow/tfjs-core';
import type { BackwardKernels } from './backwardKernels';
import { layerTensorName } from '../shared/internals';
import { IMAGE_PIXELS, NUM_CLASSES } from '../shared/mnist';
import { createRng, deriveSeed } from '../shared/random';

export interface Model {
  /** Trainable variables in a fixed order (w1, b1, w2, b2), the order optimizers see them in. */
  readonly variables: tf.Variable[];
  /** Their names for people, in the same order: `dense1.kernel`, `dense1.bias`, … */
  readonly names: readonly string[];
  /** Logits [batch, NUM_CLASSES] for inputs [batch, IMAGE_PIXELS]. */
  logits(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * Gradients of the mean softmax cross-entropy for (x, one-hot y), in `variables` order, plus the
   * batch's [loss sum, correct count]. Written out by hand (backpropagation through two dense layers)
   * so a step is a dozen kernels rather than the ~80 a generic tape records.
   */
  backward(
    x: tf.Tensor2D,
    oneHot: tf.Tensor2D,
    ce: BackwardKernels,
  ): { grads: tf.Tensor[]; stats: tf.Tensor1D };
  /** Weights as plain arrays (their values at the time of the call), e.g. for a checkpoint. */
  snapshot(): Promise<Float32Array[]>;
  /** Sets every variable from `weights` (as `snapshot` returns them). */
  load(weights: readonly Float32Array[]): void;
  dispose(): void;
}

/** Glorot (Xavier) uniform: U(−l, l) with l = √(6 / (fanIn + fanOut)), as Keras' Dense default. */
export function glorotUniform(fanIn: number, fanOut: number, rng: () => number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < out.length; i++) out[i] = (rng() * 2 - 1) * limit;
  return out;
}

export function createMlp(seed: number, hidden = 128): Model {
  const rng = createRng(deriveSeed(seed, 1));
  // Variable names are global in tfjs, so they stay automatic; tidy frees the initial tensors.
  const variables = tf.tidy(() => [
    tf.variable(tf.tensor2d(glorotUniform(IMAGE_PIXELS, hidden, rng), [IMAGE_PIXELS, hidden])),
    tf.variable(tf.zeros([hidden])),
    tf.variable(tf.tensor2d(glorotUniform(hidden, NUM_CLASSES, rng), [hidden, NUM_CLASSES])),
    tf.variable(tf.zeros([NUM_CLASSES])),
  ]);
  const [w1, b1, w2, b2] = variables as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  return {
    variables,
    names: variables.map((_, i) => layerTensorName(i)),
    logits(x) {
      // fused matMul+bias+ReLU: one kernel per layer on WebGL instead of three.
      const h = tf.fused.matMul({ a: x, b: w1, bias: b1, activation: 'relu' }) as tf.Tensor2D;
      return tf.fused.matMul({ a: h, b: w2, bias: b2 }) as tf.Tensor2D;
    },
    backward(x, y, ce) {
      return tf.tidy(() => {
        // x enters both the forward and the weight-gradient product: prepared once for both.
        const xin = ce.prepareInput(x);
        const h = tf.fused.matMul({ a: xin, b: w1, bias: b1, activation: 'relu' }) as tf.Tensor2D;
        const z = tf.fused.matMul({ a: h, b: w2, bias: b2 }) as tf.Tensor2D;
        const dz = ce.gradient(z, y);
        // ReLU passes gradient where its output is positive: dh = (dz·W2ᵀ) ⊙ [h > 0].
        const dh = ce.reluGrad(tf.matMul(dz, w2, false, true), h);
        const grads = [
          tf.matMul(xin, dh, true, false),
          tf.sum(dh, 0),
          tf.matMul(h, dz, true, false),
          tf.sum(dz, 0),
        ];
        return { grads, stats: ce.stats(z, y) };
      });
    },
    async snapshot() {
      // Clones keep today's data alive even if a step replaces the variables' values before the reads finish.
      const copies = tf.tidy(() => variables.map((v) => v.clone()));
      try {
        return await Promise.all(copies.map((c) => c.data() as Promise<Float32Array>));
      } finally {
        for (const c of copies) c.dispose();
      }
    },
    load(weights) {
      if (weights.length !== variables.length || weights.some((w, i) => w.length !== variables[i]!.size))
        throw new RangeError('the weights do not fit this model');
      tf.tidy(() => variables.forEach((v, i) => v.assign(tf.tensor(weights[i]!, v.shape))));
    },
    dispose() {
      for (const v of variables) v.dispose();
    },
  };
}
