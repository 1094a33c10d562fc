// What training reports: one point per step, and evaluations on the held-out splits.

/** One training step's batch loss and accuracy. */
export interface MetricPoint {
  /** 1-based step the numbers belong to. */
  step: number;
  /** 0-based epoch of that step. */
  epoch: number;
  loss: number;
  accuracy: number;
  /** η_t the step trained with (the schedule applied); absent in runs recorded before schedules. */
  lr?: number;
}

/** Loss and accuracy on a held-out split after `step` steps (0: before training). */
export interface EvalPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export type EvalSplit = 'validation' | 'test';

/**
 * The whole training set evaluated at a validation point (small training sets), against the labels it
 * trains on; with label noise, also against the true labels (how much of the noise it has memorised).
 */
export interface TrainingEval extends EvalPoint {
  trueLoss?: number;
  trueAccuracy?: number;
}

/** Training sets up to this size are evaluated whole at every validation point, to show the gap. */
export const WHOLE_TRAINING_EVAL_MAX = 10_000;

/**
 * A training loss above this counts as diverged. Softmax cross-entropy over 10 classes starts near
 * ln 10 ≈ 2.3; our network rarely reaches a real NaN (log-softmax is stable and exploded ReLUs die).
 */
export const EXPLODED_LOSS = 1e6;

/** Whether a step's loss means its run diverged (NaN and ±Infinity included). */
export function isDiverged(loss: number): boolean {
  return !(loss <= EXPLODED_LOSS);
}
