// The run's state as a live region (role="status"): a screen reader hears "Paused at step 120", not
// every step. Its data-* attributes carry the numbers for tests and tools.
import type { LaneData, SessionSnapshot } from '../client/session';
import { useI18n } from '../i18n/I18n';
import { stateAnnouncement } from './statusItems';

export function StateAnnouncer({ snap, lane }: { snap: SessionSnapshot; lane: LaneData | undefined }) {
  const { m } = useI18n();
  const { backend, step, state } = snap;
  const lastLoss = lane?.points.at(-1)?.loss;
  return (
    <p
      className="visually-hidden"
      role="status"
      data-backend={backend?.backend ?? ''}
      data-state={state}
      data-step={step}
      data-loss={lastLoss ?? ''}
      // The step of the latest point: the step counter can run ahead of the metrics still being read back.
      data-point-step={lane?.points.at(-1)?.step ?? 0}
    >
      {stateAnnouncement(snap, lane, m)}
    </p>
  );
}
