// A run's state at a step boundary as plain arrays: enough to carry on exactly where it was after the
// GPU context or the worker is lost (same device and batches give the same losses again).
import type { HyperParams, OptimizerName } from './settings';

/**
 * The optimizer's own hyperparameters: the run's, with `biasCorrection` optional so that callers
 * (and checkpoints) from before it existed keep working; absent means on.
 */
export type EngineHyperParams = Omit<HyperParams, 'biasCorrection'> & { biasCorrection?: boolean };

export interface OptimizerState {
  name: OptimizerName;
  hyper: EngineHyperParams;
  /** Updates applied so far. */
  iterations: number;
  /** Adam's running products of β1 and β2 (bias correction); empty for the others. */
  products: number[];
  /** Per variable, its state tensors (momentum: velocity; Adam: m, v), in variable order. */
  slots: Float32Array[][];
}

export interface LaneCheckpoint {
  lane: string;
  /** Whether the lane had stopped (diverged) while the others went on. */
  stopped: boolean;
  /** Model variables in their fixed order. */
  weights: Float32Array[];
  optimizer: OptimizerState;
}

export interface RunCheckpoint {
  /** Steps every lane had completed. */
  step: number;
  /** Training time of the run so far. */
  trainingMs: number;
  lanes: LaneCheckpoint[];
}

/** Every typed array of a checkpoint, to transfer rather than copy it between threads. */
export function checkpointBuffers(c: RunCheckpoint): ArrayBuffer[] {
  return c.lanes.flatMap((l) =>
    [...l.weights, ...l.optimizer.slots.flat()].map((a) => a.buffer as ArrayBuffer),
  );
}
