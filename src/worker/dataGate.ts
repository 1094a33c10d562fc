// Holds run commands until the training images they need have arrived, in order: a run resumed from a
// recorded pool must draw from as many images as it did before, and 'standardize' needs the whole set's
// statistics. Anything else passes as soon as the Runner exists.
import { NO_POOL_HISTORY, poolNeeds } from '../shared/pool';
import type { RunCommand } from './runner';

/** Training images that must be in before `cmd` may run (of `full`). */
export function imagesNeeded(cmd: RunCommand, full: number): number {
  if (cmd.type !== 'reset') return 0;
  // A restore without a recorded pool is taken to have trained on everything up to its step.
  const pool = cmd.pool ?? (cmd.restore ? { changes: [], through: cmd.restore.step } : NO_POOL_HISTORY);
  return Math.max(poolNeeds(pool, full), cmd.shared.preprocessing === 'standardize' ? full : 0);
}

export class CommandGate {
  private held: RunCommand[] = [];

  constructor(private readonly full: number) {}

  get size(): number {
    return this.held.length;
  }

  /** The run the page asked for last, while it waits (its settings tell what to prepare). */
  get pendingReset(): Extract<RunCommand, { type: 'reset' }> | undefined {
    return this.held.find((c) => c.type === 'reset');
  }

  /** Queues `cmd` behind the held ones; a reset replaces them, since they belong to the runs it ends. */
  push(cmd: RunCommand): void {
    if (cmd.type === 'reset') this.held = [];
    this.held.push(cmd);
  }

  /** Hands on held commands, in order, while the training images each needs are among `arrived`. */
  flush(arrived: number, handle: (cmd: RunCommand) => void): void {
    while (this.held.length > 0 && imagesNeeded(this.held[0]!, this.full) <= arrived)
      handle(this.held.shift()!);
  }
}
