// The status line's items, in reading order, as label/value pairs: a pure function of the session, so
// the order is written once and tested, not patched by position.
import type { LaneData, SessionSnapshot } from '../client/session';

export interface StatusItem {
  label: string;
  value: string;
  /** The whole text where `value` is a short form of it (the GPU's full name). */
  full?: string;
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

/** Longest GPU name shown in the status line; the whole one is a tooltip away. */
const MAX_RENDERER = 28;

/**
 * A GPU's name short enough for the status line: "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x2504)
 * Direct3D11 vs_5_0 ps_5_0, D3D11)" becomes "NVIDIA GeForce RTX 3060"; cut at a word, never mid-word.
 */
export function briefRenderer(renderer: string): string {
  const angle = /^ANGLE \(([^,]*), (.*?)(?:, [^,]*)?\)$/.exec(renderer);
  let name = (angle ? angle[2]! : renderer)
    .replace(/\(0x[0-9A-Fa-f]+\)/g, '')
    .replace(/\b(Direct3D\S*|vs_\S+|ps_\S+|OpenGL.*|Vulkan [\d.]+)\s*/g, '')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') name = renderer;
  if (name.length <= MAX_RENDERER) return name;
  const cut = name.slice(0, MAX_RENDERER + 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 8 ? cut.slice(0, space) : cut.slice(0, MAX_RENDERER)}…`;
}

function backendItem({ backend }: StatusView): StatusItem {
  if (!backend) return { label: 'Backend', value: 'starting…' };
  if (backend.backend !== 'webgl') return { label: 'Backend', value: `CPU · ${backend.renderer}` };
  // The short form fits the status line; the tooltip has the whole renderer string and float32.
  return {
    label: 'Backend',
    value: `WebGL · ${briefRenderer(backend.renderer)}`,
    full: `WebGL${backend.float32 ? ' (float32 textures)' : ''} · ${backend.renderer}`,
  };
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
    backendItem(snap),
    ...item('State', snap.state),
    ...item(
      'Step',
      totalSteps ? `${step.toLocaleString('en')} / ${totalSteps.toLocaleString('en')}` : String(step),
    ),
    ...item('Epoch', stepsPerEpoch ? `${epoch} / ${epochs}` : '–'),
    // A rate only means something while training; paused, the last window's would mislead.
    ...item(
      'Samples/s',
      snap.state === 'running' && snap.samplesPerSec
        ? Math.round(snap.samplesPerSec).toLocaleString('en')
        : '–',
    ),
    ...item('Elapsed', clock(snap.trainingMs)),
    ...(runName ? item('Run', runName) : []),
    ...item('Loss', lastLoss === undefined ? '–' : lastLoss.toFixed(4)),
    ...item('Val. accuracy', lastVal ? pct(lastVal.accuracy) : '–'),
    ...(test ? item('Test accuracy', pct(test.accuracy)) : []),
  ];
}

/**
 * What a screen reader hears: the run's state, announced when it changes (not every step, which
 * at five updates a second would drown everything else out).
 */
export function stateAnnouncement(
  snap: Pick<SessionSnapshot, 'state' | 'step'>,
  lane: LaneData | undefined,
): string {
  switch (snap.state) {
    case 'idle':
      return 'Ready to train.';
    case 'running':
      return 'Training.';
    case 'paused':
      return `Paused at step ${snap.step.toLocaleString('en')}.`;
    case 'finished':
      return lane?.test ? `Finished: test accuracy ${pct(lane.test.accuracy)}.` : 'Finished.';
    case 'diverged':
      return `Training diverged at step ${snap.step.toLocaleString('en')}.`;
    case 'error':
      return 'The run could not be set up.';
  }
}
