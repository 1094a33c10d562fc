// What the toolbar's main button says and whether it works, from the run's state: one place for
// Start / Pause / Resume. A run that diverged or could not be set up ('error') cannot go on; Reset can.
import type { RunState } from '../protocol';

export type PrimaryLabel = 'Start' | 'Pause' | 'Resume';

export function primaryAction(state: RunState, ready: boolean): { label: PrimaryLabel; disabled: boolean } {
  switch (state) {
    case 'running':
      return { label: 'Pause', disabled: false };
    case 'paused':
      return { label: 'Resume', disabled: false };
    case 'diverged':
      return { label: 'Resume', disabled: true };
    case 'idle':
      return { label: 'Start', disabled: !ready };
    case 'finished':
    case 'error':
      return { label: 'Start', disabled: true };
  }
}

/** Step trains one batch of a run that is waiting. */
export function canStep(state: RunState, ready: boolean): boolean {
  return ready && (state === 'idle' || state === 'paused');
}
