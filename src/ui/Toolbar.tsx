// The run buttons: Start/Pause/Resume share one place, then Step, Reset and Copy link (and what the
// page adds after them: the Lessons button).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';
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
  children?: ReactNode;
}

export function Toolbar({ state, ready, onStart, onPause, onStep, onReset, onCopyLink, children }: Props) {
  const primary = primaryAction(state, ready);
  const { m } = useI18n();
  return (
    // A labelled section is a landmark: without one, axe's region rule finds the buttons outside any.
    <section className="toolbar" aria-label={m.page.toolbarRegion}>
      <div role="toolbar" aria-label={m.page.toolbar}>
        <button
          type="button"
          className="primary"
          onClick={primary.label === 'Pause' ? onPause : onStart}
          disabled={primary.disabled}
        >
          {m.page.primary[primary.label]}
        </button>
        <button type="button" onClick={onStep} disabled={!canStep(state, ready)} title={m.page.stepTitle}>
          {m.page.step}
        </button>
        <button type="button" onClick={onReset} disabled={!ready} title={m.page.resetTitle}>
          {m.page.reset}
        </button>
        <button type="button" onClick={onCopyLink} title={m.page.copyLinkTitle}>
          {m.page.copyLink}
        </button>
        {children}
        <span className="toolbar-hint">{m.page.spaceHint}</span>
        <ShortcutHelp />
      </div>
    </section>
  );
}
