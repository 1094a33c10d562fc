// The status line's items, in reading order, as label/value pairs: a pure function of the session and
// the catalogue, so the order is written once and tested, not patched by position.
import type { LaneData, SessionSnapshot } from '../client/session';
import type { Messages } from '../i18n/messages';
import { modelSpec, parameterCount, type ModelName } from '../shared/model';
import { formatValue } from '../config/sliders';
import { isWholeClean, subsetSize, wrongLabelCount } from '../shared/dataLever';
import { TRAIN_COUNT } from '../shared/mnist';
import type { SharedSettings } from '../shared/settings';

/** Which item it is, independent of the language: the page styles and tests find items by it. */
export type StatusKey =
  | 'backend'
  | 'state'
  | 'step'
  | 'epoch'
  | 'rate'
  | 'elapsed'
  | 'params'
  | 'data'
  | 'run'
  | 'loss'
  | 'lr'
  | 'val'
  | 'test'
  | 'arriving';

export interface StatusItem {
  key: StatusKey;
  label: string;
  value: string;
  /** The whole text where `value` is a short form of it (the GPU's full name). */
  full?: string;
}

type StatusView = Pick<
  SessionSnapshot,
  | 'backend'
  | 'state'
  | 'step'
  | 'totalSteps'
  | 'stepsPerEpoch'
  | 'samplesPerSec'
  | 'trainingMs'
  | 'arrivedTrain'
  | 'trainCount'
>;

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

function backendItem({ backend }: StatusView, m: Messages): StatusItem {
  const label = m.status.backend;
  if (!backend) return { key: 'backend', label, value: m.status.starting };
  if (backend.backend !== 'webgl') return { key: 'backend', label, value: `CPU · ${backend.renderer}` };
  // The short form fits the status line; the tooltip has the whole renderer string and float32.
  return {
    key: 'backend',
    label,
    value: `WebGL · ${briefRenderer(backend.renderer)}`,
    full: `WebGL${backend.float32 ? m.status.float32 : ''} · ${backend.renderer}`,
  };
}

/** The size of the network the run trains: "101,770", the model's name in the tooltip. */
function paramsItem(model: ModelName, m: Messages): StatusItem {
  const count = m.format.int(parameterCount(modelSpec(model)));
  return { key: 'params', label: m.status.params, value: count, full: m.status.paramsOf(count, model) };
}

/** The data lever's settings of the last Reset, when they change the training set. */
export type StatusData = Pick<SharedSettings, 'trainImages' | 'labelNoise'>;

/** "1,000 images · 400 wrong labels": shown only when the run does not train on all of MNIST, clean. */
function dataItem({ trainImages, labelNoise }: StatusData, m: Messages): StatusItem[] {
  if (isWholeClean(TRAIN_COUNT, { trainImages, labelNoise, seed: 0 })) return [];
  const size = subsetSize(TRAIN_COUNT, trainImages);
  const wrong = wrongLabelCount(size, labelNoise);
  const f = m.format;
  return [
    {
      key: 'data',
      label: m.status.data,
      value: m.status.dataOf(f.int(size), wrong > 0 ? f.int(wrong) : null),
    },
  ];
}

/**
 * `runName` (shown when several runs train) says whose numbers follow; test accuracy comes last, once
 * known. `model` is the network the last Reset set up (not one picked since, which applies on Reset),
 * and `data` its training set.
 */
export function statusItems(
  snap: StatusView,
  lane: LaneData | undefined,
  runName: string | null,
  m: Messages,
  model?: ModelName,
  data?: StatusData,
): StatusItem[] {
  const { step, totalSteps, stepsPerEpoch } = snap;
  const f = m.format;
  const s = m.status;
  const epochs = stepsPerEpoch ? totalSteps / stepsPerEpoch : 0;
  const epoch = stepsPerEpoch ? Math.min(Math.floor(Math.max(step - 1, 0) / stepsPerEpoch) + 1, epochs) : 0;
  const lastLoss = lane?.points.at(-1)?.loss;
  // η_t is shown once it has moved (a schedule, a warmup or a live edit): a constant η is in the settings.
  const lastLr = lane?.points.at(-1)?.lr;
  const lrMoved = lastLr !== undefined && lane?.points.at(0)?.lr !== lastLr;
  const lastVal = lane?.validation.at(-1);
  const test = lane?.test;
  const item = (key: StatusKey, label: string, value: string): StatusItem[] => [{ key, label, value }];
  return [
    backendItem(snap, m),
    ...item('state', s.state, s.states[snap.state]),
    ...item('step', s.step, totalSteps ? s.of(f.int(step), f.int(totalSteps)) : f.int(step)),
    ...item('epoch', s.epoch, stepsPerEpoch ? s.of(f.int(epoch), f.int(epochs)) : '–'),
    // A rate only means something while training; paused, the last window's would mislead.
    ...item(
      'rate',
      s.samplesPerSec,
      snap.state === 'running' && snap.samplesPerSec ? f.int(snap.samplesPerSec) : '–',
    ),
    ...item('elapsed', s.elapsed, clock(snap.trainingMs)),
    ...(model ? [paramsItem(model, m)] : []),
    ...(data ? dataItem(data, m) : []),
    ...(runName ? item('run', s.run, runName) : []),
    ...item('loss', s.loss, lastLoss === undefined ? '–' : f.fixed(lastLoss, 4)),
    ...(lrMoved ? item('lr', s.learningRate, formatValue('learningRate', lastLr)) : []),
    ...item('val', s.valAccuracy, lastVal ? f.pct(lastVal.accuracy) : '–'),
    ...(test ? item('test', s.testAccuracy, f.pct(test.accuracy)) : []),
    // While MNIST streams in, training already runs on the images that have arrived.
    ...(snap.arrivedTrain > 0 && snap.arrivedTrain < snap.trainCount
      ? item('arriving', s.images, s.arriving(f.int(snap.arrivedTrain), f.int(snap.trainCount)))
      : []),
  ];
}

/**
 * What a screen reader hears: the run's state, announced when it changes (not every step, which
 * at five updates a second would drown everything else out).
 */
export function stateAnnouncement(
  snap: Pick<SessionSnapshot, 'state' | 'step'>,
  lane: LaneData | undefined,
  m: Messages,
): string {
  const a = m.status.announce;
  switch (snap.state) {
    case 'idle':
      return a.idle;
    case 'running':
      return a.running;
    case 'paused':
      return a.paused(m.format.int(snap.step));
    case 'finished':
      return lane?.test ? a.finishedWith(m.format.pct(lane.test.accuracy)) : a.finished;
    case 'diverged':
      return a.diverged(m.format.int(snap.step));
    case 'error':
      return a.error;
  }
}
