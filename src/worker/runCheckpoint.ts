// A run's checkpoint: every lane's weights and optimizer state after the steps queued so far. The reads
// are asynchronous, so training goes on meanwhile; what each lane was (stopped or not) is taken at once.
import type { Trainer } from '../engine/trainer';
import type { RunCheckpoint } from '../shared/checkpoint';

export interface CheckpointLane {
  key: string;
  stopped: boolean;
  trainer: Trainer;
}

export async function readCheckpoint(
  lanes: readonly CheckpointLane[],
  step: number,
  trainingMs: number,
): Promise<RunCheckpoint> {
  const taken = lanes.map((l) => ({ key: l.key, stopped: l.stopped, state: l.trainer.checkpoint() }));
  const states = await Promise.all(taken.map((l) => l.state));
  return {
    step,
    trainingMs,
    lanes: taken.map((l, i) => ({
      lane: l.key,
      stopped: l.stopped,
      weights: states[i]!.weights,
      optimizer: states[i]!.optimizer,
    })),
  };
}
