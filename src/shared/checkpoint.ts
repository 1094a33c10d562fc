// A run's state at a step boundary as plain arrays: enough to carry on exactly where it was after the
// GPU context or the worker is lost (same device and batches give the same losses again).
import type { HyperParams, OptimizerName } from './settings';

/** Hyperparameters added after the first checkpoints: absent means their default. */
type LaterHyper = 'biasCorrection' | 'weightDecay' | 'schedule' | 'warmup' | 'gamma';

/**
 * The optimizer's own hyperparameters: the run's, with the later ones optional so that callers (and
 * checkpoints) from before they existed keep working; absent means bias correction on, no weight
 * decay, a constant learning rate.
 */
export type EngineHyperParams = Omit<HyperParams, LaterHyper> & Partial<Pick<HyperParams, LaterHyper>>;

/** The run's full hyperparameters from an optimizer's: later ones that are absent get their default. */
export function fullHyper(h: EngineHyperParams): HyperParams {
  return {
    ...h,
    biasCorrection: h.biasCorrection ?? true,
    weightDecay: h.weightDecay ?? 0,
    schedule: h.schedule ?? 'constant',
    warmup: h.warmup ?? 0,
    gamma: h.gamma ?? 0.5,
  };
}

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
