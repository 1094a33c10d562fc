// A stack of dense layers (0–3 hidden, ReLU, tanh or sigmoid) with its backward pass written out by hand:
// backpropagation layer by layer, a dozen kernels a step for `mlp-128` rather than the ~80 a generic tape
// records. The pieces a backend does faster (cross-entropy, activation gradients, dropout's masks) come
// from BackwardKernels.
import * as tf from '@tensorflow/tfjs-core';
import { isDropping, layerMask, type LayerMask } from '../../shared/dropout';
import type { Activation } from '../../shared/model';
import type { BackwardKernels } from '../backwardKernels';
import type { ModelPasses } from '../model';

/** h = f(a·W + b): ReLU and sigmoid fused into the product (one kernel on WebGL), tanh after it. */
function hiddenLayer(a: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor, f: Activation): tf.Tensor2D {
  const pre = tf.fused.matMul({ a, b: w, bias: b, activation: f === 'tanh' ? 'linear' : f }) as tf.Tensor2D;
  return f === 'tanh' ? tf.tanh(pre) : pre;
}

/** δ ⊙ f′(a) (⊙ m when the layer was dropped), with f′ written in terms of the layer's output h = f(a). */
function activationGrad(
  ce: BackwardKernels,
  f: Activation,
  upstream: tf.Tensor2D,
  h: tf.Tensor2D,
  mask: LayerMask | undefined,
) {
  switch (f) {
    case 'relu':
      return ce.reluGrad(upstream, h, mask);
    case 'tanh':
      return ce.tanhGrad(upstream, h, mask);
    case 'sigmoid':
      return ce.sigmoidGrad(upstream, h, mask);
  }
}

/**
 * `variables`: kernel and bias per layer, the hidden layers first and the 10-way output last (a model's
 * variables, or copies of them held for a prediction pass: the backward pass needs no tape).
 */
export function mlpPasses(variables: readonly tf.Tensor[], f: Activation): ModelPasses {
  const depth = variables.length / 2 - 1;
  const w = (l: number) => variables[2 * l] as tf.Tensor2D;
  const b = (l: number) => variables[2 * l + 1]!;
  /**
   * [x, h_1, …, h_depth], what each layer reads ([x, h̃_1, …]: with `drop`, h̃_l = h_l ⊙ m_l), and the
   * logits z. The hidden layers' own outputs h_l stay for f′, which the mask does not change.
   */
  const forward = (x: tf.Tensor2D, drop?: (l: number, h: tf.Tensor2D) => tf.Tensor2D) => {
    const h = [x];
    const read = [x];
    for (let l = 0; l < depth; l++) {
      h.push(hiddenLayer(read[l]!, w(l), b(l), f));
      read.push(drop ? drop(l, h[l + 1]!) : h[l + 1]!);
    }
    const z = tf.fused.matMul({ a: read[depth]!, b: w(depth), bias: b(depth) }) as tf.Tensor2D;
    return { h, read, z };
  };
  return {
    // Evaluation and prediction never drop.
    logits: (x) => forward(x).z,
    backward(x, y, ce, dropout) {
      return tf.tidy(() => {
        // masks[l]: hidden layer l's (0-based, shared/dropout.ts's `layer`), which multiplies h[l + 1].
        const masks = isDropping(dropout) ? [...Array(depth).keys()].map((l) => layerMask(dropout, l)) : [];
        const drop = masks.length > 0 ? (l: number, hl: tf.Tensor2D) => ce.dropout(hl, masks[l]!) : undefined;
        // x enters both the forward and the first weight-gradient product: prepared once for both.
        const { h, read, z } = forward(ce.prepareInput(x), drop);
        const grads: tf.Tensor[] = [];
        // δ_L = ∂loss/∂z = (softmax(z) − y)/B at the output; for each layer l from the top:
        // ∂loss/∂W_l = h̃_{l−1}ᵀ·δ_l, ∂loss/∂b_l = Σ_rows δ_l, and δ_{l−1} = (δ_l·W_lᵀ) ⊙ f′(a_{l−1}) ⊙ m_{l−1}
        // (h̃ = h and no m without dropout).
        let delta = ce.gradient(z, y);
        for (let l = depth; l >= 0; l--) {
          grads[2 * l] = tf.matMul(read[l]!, delta, true, false);
          grads[2 * l + 1] = tf.sum(delta, 0);
          if (l > 0) delta = activationGrad(ce, f, tf.matMul(delta, w(l), false, true), h[l]!, masks[l - 1]);
        }
        return { grads, stats: ce.stats(z, y) };
      });
    },
  };
}
