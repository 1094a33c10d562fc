// The status line: backend, progress, speed, latest numbers. Only the run's state is a live region
// (role="status"), so a screen reader hears "Paused at step 120", not every step; its data-*
// attributes carry the numbers for tests and tools.
import { memo } from 'react';
import type { LaneData, SessionSnapshot } from '../client/session';
import { useI18n } from '../i18n/I18n';
import type { ModelName } from '../shared/model';
import { StateAnnouncer } from './StateAnnouncer';
import { statusItems, type StatusData } from './statusItems';

interface Props {
  snap: SessionSnapshot;
  /** The selected run's record; its numbers are the ones shown. */
  lane: LaneData | undefined;
  /** Shown when several runs train, so the numbers say whose they are. */
  runName: string | null;
  /** The network the last Reset set up, whose parameter count is shown; none shown without it. */
  model?: ModelName;
  /** The training set the last Reset set up: its size and wrong labels are shown when not all of MNIST. */
  data?: StatusData;
}

// memo: a slider key re-renders its control, not this section (its props do not change).
export const StatusPanel = memo(function StatusPanel({ snap, lane, runName, model, data }: Props) {
  const { state } = snap;
  const { m } = useI18n();
  return (
    <section className="status" aria-label={m.status.region}>
      <StateAnnouncer snap={snap} lane={lane} />
      <dl>
        {statusItems(snap, lane, runName, m, model, data).map(({ key, label, value, full }) => (
          <div key={key} className={`status-item status-${key}`}>
            <dt>{label}</dt>
            {/* A GPU's or a run's name is not ours to translate. */}
            <dd title={full} translate={key === 'backend' || key === 'run' ? 'no' : undefined}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {/* A run that could not be set up says why in an error notice (see workerNotices). */}
      {snap.message && state !== 'error' && <p className="status-message">{snap.message}</p>}
    </section>
  );
});
