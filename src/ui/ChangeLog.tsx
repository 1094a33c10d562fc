// Every run's live changes in order, with the step each takes effect at: the events the charts mark.
// Entries still ahead of the current step (a replay in progress) are shown as upcoming.
import { memo } from 'react';
import type { Recovery } from '../client/session';
import { markersOf } from '../experiment/timeline';
import type { RunSpec } from '../experiment/types';
import { runTextColor } from '../charts/contrast';
import { useI18n } from '../i18n/I18n';
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

// memo: the charts' section re-renders at every publish; the log only when a change or the replay moves.
export const ChangeLog = memo(function ChangeLog({ runs, upTo, replaying, recoveries, onForget }: Props) {
  const { m, f } = useI18n();
  const rows = [
    ...runs.flatMap((run) =>
      markersOf(run).map(({ step, label }) => ({ run: run as RunSpec | null, step, label: label(m) })),
    ),
    ...recoveries.map((r) => ({ run: null, step: r.lostAt, label: recoveryText(r)(m) })),
  ].sort((a, b) => a.step - b.step);
  if (rows.length === 0) return null;
  const upcoming = (row: { run: RunSpec | null; step: number }) =>
    row.run !== null && row.step > upTo && (replaying.get(row.run.id)?.has(row.step) ?? false);
  return (
    <section className="changelog" aria-label={m.data.changes}>
      <div className="changelog-head">
        <h2>{m.data.changes}</h2>
        <button type="button" onClick={onForget} title={m.data.forgetTitle}>
          {m.data.forget}
        </button>
      </div>
      <ol>
        {rows.map((row, i) => (
          <li
            key={i}
            data-step={row.step}
            className={row.run === null ? 'recovery' : upcoming(row) ? 'upcoming' : undefined}
          >
            <span className="changelog-step">{m.data.step(f.int(row.step))}</span>
            {runs.length > 1 && row.run && (
              <span className="changelog-run" style={{ color: runTextColor(row.run.color) }}>
                {row.run.name}
              </span>
            )}
            {row.label}
            {upcoming(row) && <span className="changelog-upcoming">{m.data.replays}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
});
