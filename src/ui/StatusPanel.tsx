// The live status line (a role="status" region): backend, progress, speed, latest numbers.
import type { LaneData, SessionSnapshot } from '../client/session';
import { statusItems } from './statusItems';

interface Props {
  snap: SessionSnapshot;
  /** The selected run's record; its numbers are the ones shown. */
  lane: LaneData | undefined;
  /** Shown when several runs train, so the numbers say whose they are. */
  runName: string | null;
}

export function StatusPanel({ snap, lane, runName }: Props) {
  const { backend, step, state } = snap;
  const lastLoss = lane?.points.at(-1)?.loss;
  return (
    <div
      className="status"
      role="status"
      aria-live="polite"
      data-backend={backend?.backend ?? ''}
      data-state={state}
      data-step={step}
      data-loss={lastLoss ?? ''}
    >
      <dl>
        {statusItems(snap, lane, runName).map(({ label, value }) => (
          <div key={label} className={`status-item status-${label.toLowerCase().replace(/[^a-z]/g, '')}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {/* A run that could not be set up says why in an error notice (see workerNotices). */}
      {snap.message && state !== 'error' && <p className="status-message">{snap.message}</p>}
    </div>
  );
}
