// The live status line (a role="status" region): backend, progress, speed, latest numbers.
import type { LaneData, SessionSnapshot } from '../client/session';
import type { EvalPoint } from '../shared/metrics';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

interface Props {
  snap: SessionSnapshot;
  /** The selected run's record; its numbers are the ones shown. */
  lane: LaneData | undefined;
  test: EvalPoint | null;
  /** Shown when several runs train, so the numbers say whose they are. */
  runName: string | null;
}

export function StatusPanel({ snap, lane, test, runName }: Props) {
  const { backend, step, totalSteps, stepsPerEpoch, state } = snap;
  const epoch =
    stepsPerEpoch > 0
      ? Math.min(Math.floor(Math.max(step - 1, 0) / stepsPerEpoch) + 1, totalSteps / stepsPerEpoch)
      : 0;
  const lastLoss = lane?.points.at(-1)?.loss;
  const lastVal = lane?.validation.at(-1);
  const items: [string, string][] = [
    [
      'Backend',
      backend
        ? `${backend.backend === 'webgl' ? `WebGL${backend.float32 ? ' (float32)' : ''}` : 'CPU'} · ${backend.renderer}`
        : 'starting…',
    ],
    ['State', state],
    ['Step', totalSteps ? `${step.toLocaleString('en')} / ${totalSteps.toLocaleString('en')}` : String(step)],
    ['Epoch', stepsPerEpoch ? `${epoch} / ${totalSteps / stepsPerEpoch}` : '–'],
    ['Samples/s', snap.samplesPerSec ? Math.round(snap.samplesPerSec).toLocaleString('en') : '–'],
    ['Elapsed', clock(snap.trainingMs)],
    ['Loss', lastLoss === undefined ? '–' : lastLoss.toFixed(4)],
    ['Val. accuracy', lastVal ? pct(lastVal.accuracy) : '–'],
  ];
  if (test) items.push(['Test accuracy', pct(test.accuracy)]);
  if (runName) items.splice(6, 0, ['Run', runName]);
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
        {items.map(([k, v]) => (
          <div key={k} className={`status-item status-${k.toLowerCase().replace(/[^a-z]/g, '')}`}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {snap.message && <p className="status-message">{snap.message}</p>}
    </div>
  );
}
