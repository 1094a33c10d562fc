// The status line's items, in reading order, as label/value pairs: a pure function of the session, so
// the order is written once and tested, not patched by position.
import type { LaneData, SessionSnapshot } from '../client/session';

export interface StatusItem {
  label: string;
  value: string;
}

type StatusView = Pick<
  SessionSnapshot,
  'backend' | 'state' | 'step' | 'totalSteps' | 'stepsPerEpoch' | 'samplesPerSec' | 'trainingMs'
>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function backendText({ backend }: StatusView): string {
  if (!backend) return 'starting…';
  const kind = backend.backend === 'webgl' ? `WebGL${backend.float32 ? ' (float32)' : ''}` : 'CPU';
  return `${kind} · ${backend.renderer}`;
}

/** `runName` (shown when several runs train) says whose numbers follow; test accuracy comes last, once known. */
export function statusItems(
  snap: StatusView,
  lane: LaneData | undefined,
  runName: string | null,
): StatusItem[] {
  const { step, totalSteps, stepsPerEpoch } = snap;
  const epochs = stepsPerEpoch ? totalSteps / stepsPerEpoch : 0;
  const epoch = stepsPerEpoch ? Math.min(Math.floor(Math.max(step - 1, 0) / stepsPerEpoch) + 1, epochs) : 0;
  const lastLoss = lane?.points.at(-1)?.loss;
  const lastVal = lane?.validation.at(-1);
  const test = lane?.test;
  const item = (label: string, value: string): StatusItem[] => [{ label, value }];
  return [
    ...item('Backend', backendText(snap)),
    ...item('State', snap.state),
    ...item(
      'Step',
      totalSteps ? `${step.toLocaleString('en')} / ${totalSteps.toLocaleString('en')}` : String(step),
    ),
    ...item('Epoch', stepsPerEpoch ? `${epoch} / ${epochs}` : '–'),
    ...item('Samples/s', snap.samplesPerSec ? Math.round(snap.samplesPerSec).toLocaleString('en') : '–'),
    ...item('Elapsed', clock(snap.trainingMs)),
    ...(runName ? item('Run', runName) : []),
    ...item('Loss', lastLoss === undefined ? '–' : lastLoss.toFixed(4)),
    ...item('Val. accuracy', lastVal ? pct(lastVal.accuracy) : '–'),
    ...(test ? item('Test accuracy', pct(test.accuracy)) : []),
  ];
}
