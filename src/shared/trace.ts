// One weight followed through one update: the numbers the page substitutes into the optimizer's
// equations (g_t, m_t, v_t, m̂_t, v̂_t, the step), so a class can walk through a single update. No tfjs.
import type { HyperParams, OptimizerName } from './settings';

/**
 * Which output weight to follow: its flat index in the last kernel (row = hidden unit, column = digit),
 * or `largest`: the one with the largest |g| at the next traced step (then kept).
 */
export type TraceTarget = number | 'largest';

/** A traced weight's values around one step, as the worker computed them (float32). */
export interface TracePoint {
  /** 1-based step the update belongs to. */
  step: number;
  optimizer: OptimizerName;
  /** Tensor name (`dense2.kernel`), the weight's flat index, and its row and column in that kernel. */
  layer: string;
  index: number;
  row: number;
  col: number;
  /** g_t: the gradient of the loss with respect to this weight at this step. */
  g: number;
  /** θ_{t−1} and θ_t. */
  thetaBefore: number;
  thetaAfter: number;
  /** The optimizer's state for this weight before and after: momentum [v]; Adam [m, v]; SGD []. */
  slotsBefore: number[];
  slotsAfter: number[];
  /** The hyperparameters this step used (η the base rate). */
  hyper: HyperParams;
  /** η_t: the learning rate this step used, the schedule applied (equals hyper.learningRate without one). */
  rate: number;
  /** Adam: P1 = Πβ1 and P2 = Πβ2 over the steps so far, this one included (1 − P is the correction). */
  products: number[];
}

/** Values the device packs per traced step: index, g, θ_{t−1}, slots before, θ_t, slots after. */
export function traceLength(slotCount: number): number {
  return 4 + 2 * slotCount;
}
