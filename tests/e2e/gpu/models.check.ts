// Every kind of model on the real WebGL backend: the whole backward pass with the WebGL programs
// against the composed ops (the fused tanh and sigmoid gradients, the CNN's autograd around the fused
// cross-entropy), and the fused optimizer and instrument programs on the CNN's 4-D kernels and on a
// three-hidden-layer MLP.
import * as tf from '@tensorflow/tfjs';
import { composedBackward } from '../../../src/engine/backwardKernels';
import { createModel } from '../../../src/engine/model';
import { fusedBackward } from '../../../src/engine/webgl/fusedBackward';
import type { Dropout } from '../../../src/shared/dropout';
import { createRng } from '../../../src/shared/random';
import { modelSpec, tensorShapes, type Activation, type ModelName } from '../../../src/shared/model';
import { relError } from '../../helpers/tf';
import { compareInternals, type InternalsComparison } from './internals.check';
import { compareOptimizers } from './optimizers.check';

/** The models checked beyond the reference `mlp-128`, with the activations each is checked with. */
export const CHECKED_MODELS: Record<string, readonly Activation[]> = {
  cnn: ['relu'],
  'mlp-32-32-32': ['relu', 'tanh', 'sigmoid'],
};

export interface ModelComparison {
  /** Largest relative error of one fused update, per optimizer variant. */
  optimizers: Record<string, number>;
  internals: InternalsComparison;
  /** Largest relative error of the gradients and stats, fused against composed, per activation. */
  backward: Record<string, number>;
  /** Tensors left behind by the backward passes. */
  tensorGrowth: number;
}

/**
 * The whole backward pass with the WebGL programs against the composed ops, same weights and batch
 * (and with `dropout`, the same masks: hashed in the shaders, or built on the host and uploaded).
 */
export async function compareBackward(
  model: ModelName,
  activation: Activation,
  dropout?: Dropout,
): Promise<number> {
  const rng = createRng(4);
  const net = createModel(model, activation, 5);
  const rows = 32;
  const x = tf.tensor2d(
    Float32Array.from({ length: rows * 784 }, () => rng()),
    [rows, 784],
  );
  const labels = Array.from({ length: rows }, () => Math.floor(rng() * 10));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D);
  const fused = net.backward(x, y, fusedBackward, dropout);
  const composed = net.backward(x, y, composedBackward, dropout);
  let worst = relError(await fused.stats.data(), await composed.stats.data());
  for (let i = 0; i < net.variables.length; i++)
    worst = Math.max(worst, relError(await fused.grads[i]!.data(), await composed.grads[i]!.data()));
  [x, y, fused.stats, composed.stats, ...fused.grads, ...composed.grads].forEach((t) => t.dispose());
  net.dispose();
  return worst;
}

export async function compareModels(): Promise<Record<string, ModelComparison>> {
  const out: Record<string, ModelComparison> = {};
  for (const [name, activations] of Object.entries(CHECKED_MODELS)) {
    const model = name as ModelName;
    const before = tf.memory().numTensors;
    const backward: Record<string, number> = {};
    for (const f of activations) backward[f] = await compareBackward(model, f);
    const tensorGrowth = tf.memory().numTensors - before;
    out[name] = {
      // The elementwise programs are the same for every shape: SGD, momentum and Adam cover each kind
      // (one input, a slot, two slots) on these shapes; the default model's check runs all six.
      optimizers: await compareOptimizers(tensorShapes(modelSpec(model)), ['sgd', 'momentum', 'adam']),
      internals: await compareInternals(model),
      backward,
      tensorGrowth,
    };
  }
  return out;
}
