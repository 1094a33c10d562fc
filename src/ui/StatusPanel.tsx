// The status line: backend, progress, speed, latest numbers. Only the run's state is a live region
// (role="status"), so a screen reader hears "Paused at step 120", not every step; its data-*
// attributes carry the numbers for tests and tools.
import type { LaneData, SessionSnapshot } from '../client/session';
import { stateAnnouncement, statusItems } from './statusItems';

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
    <section className="status" aria-label="Training status">
      <p
        className="visually-hidden"
        role="status"
        data-backend={backend?.backend ?? ''}
        data-state={state}
        data-step={step}
        data-loss={lastLoss ?? ''}
      >
        {stateAnnouncement(snap, lane)}
      </p>
      <dl>
        {statusItems(snap, lane, runName).map(({ label, value, full }) => (
          <div key={label} className={`status-item status-${label.toLowerCase().replace(/[^a-z]/g, '')}`}>
            <dt>{label}</dt>
            <dd title={full}>{value}</dd>
          </div>
        ))}
      </dl>
      {/* A run that could not be set up says why in an error notice (see workerNotices). */}
      {snap.message && state !== 'error' && <p className="status-message">{snap.message}</p>}
    </section>
  );
}
