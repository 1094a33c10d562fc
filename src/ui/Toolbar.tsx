// The run buttons: Start/Pause/Resume share one place, then Step, Reset and Copy link.
import type { RunState } from '../protocol';
import { canStep, primaryAction } from './primaryAction';
import { ShortcutHelp } from './ShortcutHelp';

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
  const primary = primaryAction(state, ready);
  return (
    // A labelled section is a landmark: without one, axe's region rule finds the buttons outside any.
    <section className="toolbar" aria-label="Training controls">
      <div role="toolbar" aria-label="Training">
        <button
          type="button"
          className="primary"
          onClick={primary.label === 'Pause' ? onPause : onStart}
          disabled={primary.disabled}
        >
          {primary.label}
        </button>
        <button type="button" onClick={onStep} disabled={!canStep(state, ready)} title="Train on one batch">
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
        <ShortcutHelp />
      </div>
    </section>
  );
}
