// The run buttons: Start/Pause/Resume share one place, then Step, Reset and Copy link.
import type { RunState } from '../protocol';

interface Props {
  state: RunState;
  ready: boolean;
  onStart(): void;
  onPause(): void;
  onStep(): void;
  onReset(): void;
  onCopyLink(): void;
}

export function Toolbar({ state, ready, onStart, onPause, onStep, onReset, onCopyLink }: Props) {
  const primary =
    state === 'running'
      ? { label: 'Pause', action: onPause, disabled: false }
      : state === 'paused' || state === 'diverged'
        ? { label: 'Resume', action: onStart, disabled: state === 'diverged' }
        : { label: 'Start', action: onStart, disabled: !ready || state === 'finished' || state === 'error' };
  const canStep = ready && (state === 'idle' || state === 'paused');
  return (
    <div className="toolbar" role="toolbar" aria-label="Training">
      <button type="button" className="primary" onClick={primary.action} disabled={primary.disabled}>
        {primary.label}
      </button>
      <button type="button" onClick={onStep} disabled={!canStep} title="Train on one batch">
        Step
      </button>
      <button
        type="button"
        onClick={onReset}
        disabled={!ready}
        title="Back to the initial weights of this seed"
      >
        Reset
      </button>
      <button type="button" onClick={onCopyLink} title="Copy a link that reproduces these settings">
        Copy link
      </button>
      <span className="toolbar-hint">Space: pause / resume</span>
    </div>
  );
}
