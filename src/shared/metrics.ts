// What training reports: one point per step, and evaluations on the held-out splits.

/** One training step's batch loss and accuracy. */
export interface MetricPoint {
  /** 1-based step the numbers belong to. */
  step: number;
  /** 0-based epoch of that step. */
  epoch: number;
  loss: number;
  accuracy: number;
}

/** Loss and accuracy on a held-out split after `step` steps (0: before training). */
export interface EvalPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export type EvalSplit = 'validation' | 'test';
