// A run's network as plain variables with a forward pass and a backward pass: the MLPs with their
// hand-written backpropagation (models/mlp.ts), the CNN with autograd (models/cnn.ts). Which one a run
// trains is its shared `model` setting (shared/model.ts).
import * as tf from '@tensorflow/tfjs-core';
import type { BackwardKernels } from './backwardKernels';
import type { Dropout } from '../shared/dropout';
import { modelSpec, tensorNames, type Activation, type ModelName, type ModelSpec } from '../shared/model';
import { cnnLogits, cnnPasses } from './models/cnn';
import { mlpPasses } from './models/mlp';
import { initialVariables, variableAccess } from './models/parameters';

export interface Model {
  readonly spec: ModelSpec;
  /** Trainable variables in a fixed order (kernel, bias per layer; tensorShapes), the order optimizers see. */
  readonly variables: tf.Variable[];
  /** Their names for people, in the same order: `dense1.kernel`, `dense1.bias`, … (tensorNames). */
  readonly names: readonly string[];
  /** Logits [batch, NUM_CLASSES] for inputs [batch, IMAGE_PIXELS]: evaluation, never dropped. */
  logits(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * Gradients of the mean softmax cross-entropy for (x, one-hot y), in `variables` order, plus the
   * batch's [loss sum, correct count]. With `dropout` (rate > 0), the MLPs train through inverted
   * dropout on their hidden layers, masks drawn from its seed and step (shared/dropout.ts), and the
   * stats are those of the dropped pass; absent or rate 0 is the plain pass, kernel for kernel. The
   * CNN ignores it (dropout is an MLP setting), and so does softmax regression, which has no hidden layer.
   */
  backward(
    x: tf.Tensor2D,
    oneHot: tf.Tensor2D,
    ce: BackwardKernels,
    dropout?: Dropout,
  ): { grads: tf.Tensor[]; stats: tf.Tensor1D };
  /**
   * The forward pass with the weights of the moment of the call, kept however the model trains on
   * (copies on the device, freed by `dispose`): a prediction pass spread over training chunks.
   */
  hold(): HeldClassifier;
  /** Weights as plain arrays (their values at the time of the call), e.g. for a checkpoint. */
  snapshot(): Promise<Float32Array[]>;
  /** Sets every variable from `weights` (as `snapshot` returns them). */
  load(weights: readonly Float32Array[]): void;
  dispose(): void;
}

export interface HeldClassifier {
  logits(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/** What differs between architectures: how logits and gradients are computed from the variables. */
export type ModelPasses = Pick<Model, 'logits' | 'backward'>;

/**
 * The network `name` at step 0, its weights drawn from `seed`. `activation` is the MLPs' hidden
 * nonlinearity; the CNN is ReLU by definition and ignores it.
 */
export function createModel(name: ModelName, activation: Activation, seed: number): Model {
  const spec = modelSpec(name);
  const variables = initialVariables(spec, seed);
  const passes = spec.kind === 'cnn' ? cnnPasses(variables) : mlpPasses(variables, activation);
  const hold = (): HeldClassifier => {
    // Clones share the device data until a step assigns new values to the variables.
    const held = tf.tidy(() => variables.map((v) => tf.clone(v)));
    const logits = spec.kind === 'cnn' ? cnnLogits(held) : mlpPasses(held, activation).logits;
    return { logits, dispose: () => tf.dispose(held) };
  };
  return { spec, variables, names: tensorNames(spec), ...passes, hold, ...variableAccess(variables) };
}
