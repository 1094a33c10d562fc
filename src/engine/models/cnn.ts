// The small CNN (shared/model.ts CNN): conv 5×5×8 → ReLU → max-pool 2 → conv 5×5×16 → ReLU → max-pool 2
// → dense 10. Its gradients come from TensorFlow.js autograd (the optimizer steps stay ours); the loss's
// own gradient is the backend's cross-entropy kernel, so WebGL keeps its one-program version.
import * as tf from '@tensorflow/tfjs-core';
import { CNN } from '../../shared/model';
import { IMAGE_SIDE } from '../../shared/mnist';
import type { BackwardKernels } from '../backwardKernels';
import type { ModelPasses } from '../model';
import { useFastCpuKernels } from '../cpu/convKernels';
import './cnnGradients';

/**
 * Both convolutions keep the side ("same" padding); each pool halves it. Plain ops rather than
 * tf.fused.conv2d: under a tape it falls back to these anyway, and on the CPU the fused kernel would
 * bypass the faster convolution of ../cpu/convKernels.ts.
 */
function convBlock(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor): tf.Tensor4D {
  const conv = tf.conv2d(x, filter, 1, 'same');
  return tf.maxPool(tf.relu(tf.add(conv, bias)) as tf.Tensor4D, CNN.pool, CNN.pool, 'valid');
}

/**
 * Mean softmax cross-entropy of logits z, its value taken from the batch's [loss sum, correct] stats and
 * its gradient (softmax(z) − y)/B from the backend's kernel, as the MLPs' hand-written pass uses it.
 */
function meanCrossEntropy(ce: BackwardKernels, y: tf.Tensor2D, stats: tf.Tensor1D) {
  return tf.customGrad((z, save) => {
    const logits = z as tf.Tensor2D;
    (save as tf.GradSaveFunc)([logits]);
    return {
      value: tf.div(tf.reshape(tf.slice(stats, [0], [1]), []), logits.shape[0]),
      gradFunc: (dy, [saved]) => tf.mul(dy, ce.gradient(saved as tf.Tensor2D, y)),
    };
  });
}

/**
 * Logits of the CNN whose weights are `tensors`: conv1 kernel (HWIO) and bias, conv2 kernel and bias,
 * dense kernel and bias (a model's variables, or copies of them held for a prediction pass).
 */
export function cnnLogits(tensors: readonly tf.Tensor[]): (x: tf.Tensor2D) => tf.Tensor2D {
  const [k1, b1, k2, b2, w, b] = tensors as [
    tf.Tensor4D,
    tf.Tensor,
    tf.Tensor4D,
    tf.Tensor,
    tf.Tensor2D,
    tf.Tensor,
  ];
  return (x) => {
    // Rows of 784 pixels are images of 28×28×1 (NHWC), row-major as MNIST stores them.
    const images = tf.reshape(x, [x.shape[0], IMAGE_SIDE, IMAGE_SIDE, 1]) as tf.Tensor4D;
    const features = convBlock(convBlock(images, k1, b1), k2, b2);
    const flat = tf.reshape(features, [x.shape[0], w.shape[0]]);
    return tf.fused.matMul({ a: flat as tf.Tensor2D, b: w, bias: b }) as tf.Tensor2D;
  };
}

/** `variables`: as cnnLogits takes them; autograd differentiates the loss with respect to them. */
export function cnnPasses(variables: tf.Variable[]): ModelPasses {
  if (tf.getBackend() === 'cpu') useFastCpuKernels();
  const logits = cnnLogits(variables);
  return {
    logits,
    backward(x, y, ce) {
      return tf.tidy(() => {
        let stats: tf.Tensor1D | undefined;
        const { grads } = tf.variableGrads(() => {
          const z = logits(x);
          // Kept: the tape's forward scope frees everything but the loss; the trainer disposes the stats.
          stats = tf.keep(ce.stats(z, y));
          return meanCrossEntropy(ce, y, stats)(z) as tf.Scalar;
        }, variables);
        return { grads: variables.map((v) => grads[v.name]!), stats: stats! };
      });
    },
  };
}
