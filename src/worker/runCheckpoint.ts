// A run's checkpoint: every lane's weights and optimizer state after the steps queued so far. The reads
// are asynchronous, so training goes on meanwhile; what each lane was (stopped or not) is taken at once.
// Restoring puts the lanes back at the checkpoint's step.
import type { Trainer } from '../engine/trainer';
import type { RunCheckpoint } from '../shared/checkpoint';
import type { TimelineEntry } from '../shared/settings';

export interface CheckpointLane {
  key: string;
  stopped: boolean;
  trainer: Trainer;
  /** Recorded changes still to replay, by step. */
  schedule: TimelineEntry[];
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

/** Puts every lane back at the checkpoint's step; changes recorded up to it are already in its state. */
export function restoreLanes(lanes: readonly CheckpointLane[], c: RunCheckpoint): void {
  if (c.lanes.length !== lanes.length) throw new Error('the checkpoint has other runs than this reset');
  for (const lane of lanes) {
    const saved = c.lanes.find((l) => l.lane === lane.key);
    if (!saved) throw new Error(`the checkpoint has no run ${lane.key}`);
    lane.trainer.restore({ step: c.step, weights: saved.weights, optimizer: saved.optimizer });
    lane.stopped = saved.stopped;
    lane.schedule = lane.schedule.filter((e) => e.step > c.step);
  }
}
