// Following one output weight through its updates: which weight (on the device, without a readback
// when the largest |g| is asked for) and the host side of the numbers the optimizer gathered for it.
import * as tf from '@tensorflow/tfjs-core';
import type { TracePoint, TraceTarget } from '../shared/trace';
import { fullHyper } from '../shared/checkpoint';
import type { Model } from './model';
import type { TraceRequest, TracedStep } from './optimizerBase';

/**
 * The output kernel: the last kernel of the stack (variables alternate kernel, bias). Every model ends in
 * a dense layer to the ten classes, so it is [inputs, 10] for the CNN too.
 */
export function outputKernelIndex(variableCount: number): number {
  return variableCount - 2;
}

/**
 * The request for this step: a fixed flat index, or the argmax of |g| over the output kernel computed
 * on the device (its value comes back with the step's numbers). Call inside the step's tidy.
 */
export function traceRequest(target: TraceTarget, grads: tf.Tensor[]): TraceRequest {
  const variable = outputKernelIndex(grads.length);
  const index =
    target === 'largest'
      ? tf.reshape(tf.argMax(tf.abs(tf.reshape(grads[variable]!, [-1]))), [1])
      : tf.tensor1d([target], 'int32');
  return { variable, index };
}

/** One traced step from its values (`values` starts at the step's first traced number). */
export function decodeTrace(
  step: number,
  traced: TracedStep,
  values: ArrayLike<number>,
  model: Pick<Model, 'variables' | 'names'>,
): TracePoint {
  const variable = outputKernelIndex(model.variables.length);
  const cols = model.variables[variable]!.shape[1] ?? 1;
  const n = traced.slotCount;
  const at = (i: number) => values[i]!;
  const index = Math.round(at(0));
  const slots = (from: number) => Array.from({ length: n }, (_, k) => at(from + k));
  const { hyper, products } = traced;
  return {
    step,
    optimizer: traced.optimizer,
    layer: model.names[variable]!,
    index,
    row: Math.floor(index / cols),
    col: index % cols,
    g: at(1),
    thetaBefore: at(2),
    slotsBefore: slots(3),
    thetaAfter: at(3 + n),
    slotsAfter: slots(4 + n),
    hyper: fullHyper(hyper),
    rate: traced.rate,
    products: [...products],
  };
}
