// The pieces of the analytic backward pass that a backend may do faster: softmax cross-entropy, the
// hidden activations' gradients, dropout's masks, and how a batch enters. The WebGL backend swaps in
// one-program versions (src/engine/webgl/); the CPU uses these composed ops, which are also the reference.
import * as tf from '@tensorflow/tfjs-core';
import { maskValues, type LayerMask } from '../shared/dropout';

export interface BackwardKernels {
  /** ∂(mean loss)/∂logits = (softmax(z) − y) / batch. */
  gradient(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor2D;
  /** [Σ per-example loss, number of correct predictions] over the batch: summable on the device. */
  stats(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor1D;
  /**
   * upstream ⊙ [h > 0], with h the ReLU's output; with `mask`, ⊙ m too (the gradient through a dropped
   * layer h̃ = h ⊙ m, shared/dropout.ts), in the same pass.
   */
  reluGrad(upstream: tf.Tensor2D, h: tf.Tensor2D, mask?: LayerMask): tf.Tensor2D;
  /** upstream ⊙ (1 − h²), with h = tanh(a): tanh′(a) written with the layer's output; `mask`: ⊙ m. */
  tanhGrad(upstream: tf.Tensor2D, h: tf.Tensor2D, mask?: LayerMask): tf.Tensor2D;
  /** upstream ⊙ h(1 − h), with h = σ(a): σ′(a) written with the layer's output; `mask`: ⊙ m. */
  sigmoidGrad(upstream: tf.Tensor2D, h: tf.Tensor2D, mask?: LayerMask): tf.Tensor2D;
  /** h ⊙ m: a hidden layer's output as the next layer reads it while training (inverted dropout). */
  dropout(h: tf.Tensor2D, mask: LayerMask): tf.Tensor2D;
  /** The batch in the layout the matrix products want (a no-op on the CPU). */
  prepareInput(x: tf.Tensor2D): tf.Tensor2D;
}

/** m as a tensor, computed on the host and uploaded: the reference the WebGL shaders' own hash must match. */
function maskTensor(mask: LayerMask, [rows, cols]: [number, number]): tf.Tensor2D {
  return tf.tensor2d(maskValues(mask, rows, cols), [rows, cols]);
}

/** g ⊙ m after the activation's factor (the fused programs multiply in the same order), or g as it is. */
function masked(g: tf.Tensor2D, mask: LayerMask | undefined): tf.Tensor2D {
  return mask ? tf.mul(g, maskTensor(mask, g.shape)) : g;
}

export const composedBackward: BackwardKernels = {
  gradient: (z, y) => tf.tidy(() => tf.div(tf.sub(tf.softmax(z), y), z.shape[0]) as tf.Tensor2D),
  stats: (z, y) =>
    tf.tidy(() => {
      const loss = tf.neg(tf.sum(tf.mul(tf.logSoftmax(z), y)));
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), tf.argMax(y, 1)), 'float32'));
      return tf.stack([loss, correct]) as tf.Tensor1D;
    }),
  reluGrad: (upstream, h, mask) => tf.tidy(() => masked(tf.mul(upstream, tf.step(h)), mask)),
  tanhGrad: (upstream, h, mask) => tf.tidy(() => masked(tf.mul(upstream, tf.sub(1, tf.square(h))), mask)),
  sigmoidGrad: (upstream, h, mask) => tf.tidy(() => masked(tf.mul(upstream, tf.mul(h, tf.sub(1, h))), mask)),
  dropout: (h, mask) => tf.tidy(() => tf.mul(h, maskTensor(mask, h.shape))),
  prepareInput: (x) => x,
};
