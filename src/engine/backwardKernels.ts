// The pieces of the analytic backward pass that a backend may do faster: softmax cross-entropy, the
// hidden activations' gradients, and how a batch enters. The WebGL backend swaps in one-program
// versions (src/engine/webgl/); the CPU uses these composed ops, which are also the reference.
import * as tf from '@tensorflow/tfjs-core';

export interface BackwardKernels {
  /** ∂(mean loss)/∂logits = (softmax(z) − y) / batch. */
  gradient(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor2D;
  /** [Σ per-example loss, number of correct predictions] over the batch: summable on the device. */
  stats(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor1D;
  /** upstream ⊙ [h > 0], with h the ReLU's output. */
  reluGrad(upstream: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
  /** upstream ⊙ (1 − h²), with h = tanh(a): tanh′(a) written with the layer's output. */
  tanhGrad(upstream: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
  /** upstream ⊙ h(1 − h), with h = σ(a): σ′(a) written with the layer's output. */
  sigmoidGrad(upstream: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
  /** The batch in the layout the matrix products want (a no-op on the CPU). */
  prepareInput(x: tf.Tensor2D): tf.Tensor2D;
}

export const composedBackward: BackwardKernels = {
  gradient: (z, y) => tf.tidy(() => tf.div(tf.sub(tf.softmax(z), y), z.shape[0]) as tf.Tensor2D),
  stats: (z, y) =>
    tf.tidy(() => {
      const loss = tf.neg(tf.sum(tf.mul(tf.logSoftmax(z), y)));
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), tf.argMax(y, 1)), 'float32'));
      return tf.stack([loss, correct]) as tf.Tensor1D;
    }),
  reluGrad: (upstream, h) => tf.mul(upstream, tf.step(h)),
  tanhGrad: (upstream, h) => tf.tidy(() => tf.mul(upstream, tf.sub(1, tf.square(h)))),
  sigmoidGrad: (upstream, h) => tf.tidy(() => tf.mul(upstream, tf.mul(h, tf.sub(1, h)))),
  prepareInput: (x) => x,
};
