// The live status line (a role="status" region): backend, progress, speed, latest numbers.
import type { SessionSnapshot } from '../client/session';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function StatusPanel({ snap }: { snap: SessionSnapshot }) {
  const { backend, step, totalSteps, stepsPerEpoch, state } = snap;
  const epoch = stepsPerEpoch > 0 ? Math.min(Math.floor(Math.max(step - 1, 0) / stepsPerEpoch) + 1, totalSteps / stepsPerEpoch) : 0;
  const lastLoss = snap.points.at(-1)?.loss;
  const lastVal = snap.validation.at(-1);
  const items: [string, string][] = [
    ['Backend', backend ? `${backend.backend === 'webgl' ? 'WebGL' : 'CPU'} · ${backend.renderer}` : 'starting…'],
    ['State', state],
    ['Step', totalSteps ? `${step.toLocaleString('en')} / ${totalSteps.toLocaleString('en')}` : String(step)],
    ['Epoch', stepsPerEpoch ? `${epoch} / ${totalSteps / stepsPerEpoch}` : '–'],
    ['Samples/s', snap.samplesPerSec ? Math.round(snap.samplesPerSec).toLocaleString('en') : '–'],
    ['Elapsed', clock(snap.trainingMs)],
    ['Loss', lastLoss === undefined ? '–' : lastLoss.toFixed(4)],
    ['Val. accuracy', lastVal ? pct(lastVal.accuracy) : '–'],
  ];
  if (snap.test) items.push(['Test accuracy', pct(snap.test.accuracy)]);
  return (
    <div className="status" role="status" aria-live="polite" data-backend={backend?.backend ?? ''} data-state={state} data-step={step} data-loss={lastLoss ?? ''}>
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
