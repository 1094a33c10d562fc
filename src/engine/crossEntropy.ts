// Softmax cross-entropy pieces the analytic backward pass needs, as an interface so the WebGL
// backend can swap in one-kernel versions (src/engine/webgl/) while the CPU uses composed ops.
import * as tf from '@tensorflow/tfjs';

export interface CrossEntropyKernels {
  /** ∂(mean loss)/∂logits = (softmax(z) − y) / batch. */
  gradient(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor2D;
  /** [Σ per-example loss, number of correct predictions] over the batch: summable on the device. */
  stats(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor1D;
}

export const composedCrossEntropy: CrossEntropyKernels = {
  gradient: (z, y) =>
    tf.tidy(() => tf.div(tf.sub(tf.softmax(z), y), z.shape[0]) as tf.Tensor2D),
  stats: (z, y) =>
    tf.tidy(() => {
      const loss = tf.neg(tf.sum(tf.mul(tf.logSoftmax(z), y)));
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), tf.argMax(y, 1)), 'float32'));
      return tf.stack([loss, correct]) as tf.Tensor1D;
    }),
};
