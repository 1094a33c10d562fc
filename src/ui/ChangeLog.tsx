// Every run's live changes in order, with the step each takes effect at: the events the charts mark.
// Entries still ahead of the current step (a replay in progress) are shown as upcoming.
import type { Recovery } from '../client/session';
import { markersOf } from '../experiment/timeline';
import type { RunSpec } from '../experiment/types';
import { runTextColor } from '../charts/contrast';
import { recoveryText } from './notice';

interface Props {
  runs: RunSpec[];
  upTo: number;
  /** Per run, the steps of changes a replay will apply (see replaySteps); others are not "upcoming". */
  replaying: ReadonlyMap<string, ReadonlySet<number>>;
  /** Failures the run recovered from, listed at the step they happened. */
  recoveries: readonly Recovery[];
  /** Drops every recorded change and starts over from the runs' starting settings. */
  onForget(): void;
}

export function ChangeLog({ runs, upTo, replaying, recoveries, onForget }: Props) {
  const rows = [
    ...runs.flatMap((run) => markersOf(run).map((m) => ({ run: run as RunSpec | null, ...m }))),
    ...recoveries.map((r) => ({ run: null, step: r.lostAt, label: recoveryText(r) })),
  ].sort((a, b) => a.step - b.step);
  if (rows.length === 0) return null;
  const upcoming = (m: { run: RunSpec | null; step: number }) =>
    m.run !== null && m.step > upTo && (replaying.get(m.run.id)?.has(m.step) ?? false);
  return (
    <section className="changelog" aria-label="Live changes">
      <div className="changelog-head">
        <h2>Live changes</h2>
        <button
          type="button"
          onClick={onForget}
          title="Reset replays these changes; this forgets them instead"
        >
          Forget changes and reset
        </button>
      </div>
      <ol>
        {rows.map((m, i) => (
          <li
            key={i}
            data-step={m.step}
            className={m.run === null ? 'recovery' : upcoming(m) ? 'upcoming' : undefined}
          >
            <span className="changelog-step">step {m.step.toLocaleString('en')}</span>
            {runs.length > 1 && m.run && (
              <span className="changelog-run" style={{ color: runTextColor(m.run.color) }}>
                {m.run.name}
              </span>
            )}
            {m.label}
            {upcoming(m) && <span className="changelog-upcoming"> (replays at this step)</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
