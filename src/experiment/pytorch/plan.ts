// What the PyTorch script must rebuild, worked out once in TypeScript: the training set's size, the
// steps, the model's tensors, and for each run the stretches trained by one optimizer and whether
// torch.optim computes exactly the page's update there or the script writes the update out.
import { subsetSize, wrongLabelCount } from '../../shared/dataLever';
import { modelSpec, tensorShapes, type ModelSpec } from '../../shared/model';
import { TRAIN_COUNT } from '../../shared/mnist';
import type { PoolChange, PoolHistory } from '../../shared/pool';
import type { OptimizerName, RunSettings, SharedSettings, TimelineEntry } from '../../shared/settings';
import { MAX_NAME_LENGTH, OPTIMIZER_LABELS, sortTimeline } from '../runs';
import type { Experiment, RunSpec } from '../types';

/** `torch`: the torch.optim class is the page's rule exactly; `written`: the script's own lines. */
export type Implementation = 'torch' | 'written';

/** Steps `from`… of a run (up to the next switch) trained by one optimizer. */
export interface Segment {
  from: number;
  optimizer: OptimizerName;
  impl: Implementation;
  /** Why torch.optim would differ (for the script's header); null when it is used. */
  why: string | null;
}

export interface RunPlan {
  /** The run's name on the page. */
  name: string;
  /** The spec written to the results: the run's, named as an import of PyTorch's numbers. */
  spec: RunSpec;
  timeline: TimelineEntry[];
  segments: Segment[];
}

export interface Plan {
  shared: SharedSettings;
  model: ModelSpec;
  shapes: number[][];
  /** Images of the training set after the data lever, and how many of them carry a wrong label. */
  trainSize: number;
  wrongLabels: number;
  stepsPerEpoch: number;
  totalSteps: number;
  /** Partial pools while MNIST was still arriving (empty: every step drew from the whole set). */
  pool: PoolChange[];
  runs: RunPlan[];
}

/** The torch.optim class each optimizer maps to where it is exact. */
export const TORCH_CLASSES: Readonly<Record<OptimizerName, string>> = {
  sgd: 'torch.optim.SGD',
  momentum: 'torch.optim.SGD',
  adagrad: 'torch.optim.Adagrad',
  rmsprop: 'torch.optim.RMSprop',
  adam: 'torch.optim.Adam',
  adamw: 'torch.optim.AdamW',
};

const SUFFIX = ' (PyTorch)';

/** The run's name with " (PyTorch)", so the import tells itself apart from the page's run; as is when too long. */
export function importedName(name: string): string {
  return name.length + SUFFIX.length <= MAX_NAME_LENGTH ? name + SUFFIX : name;
}

/**
 * Why torch.optim's class would not compute the page's update over settings `seen` (those of every
 * step the optimizer trains), or null when it would. torch.optim.Adam debiases with β^t, the page with
 * the product of the β values used, and has no switch for bias correction; torch.optim.SGD keeps no
 * velocity while μ is 0, where the page's v ← μ·v + g goes on.
 */
export function torchDiffers(optimizer: OptimizerName, seen: readonly RunSettings[]): string | null {
  const [first] = seen;
  if (!first) return null;
  if (optimizer === 'adam' || optimizer === 'adamw') {
    if (seen.some((s) => !s.biasCorrection)) return 'bias correction is off';
    if (seen.some((s) => s.beta1 !== first.beta1 || s.beta2 !== first.beta2))
      return 'β changes while it trains, and torch.optim debiases with β^t rather than the product of the βs used';
  }
  if (optimizer === 'momentum' && seen.some((s) => s.momentum === 0))
    return 'μ is 0 for some steps, where torch.optim.SGD keeps no velocity';
  return null;
}

/**
 * The run's optimizer stretches. Changes on one step apply together before it trains (worker/runner.ts),
 * so the settings after each step's changes are what that step and the next ones until another change
 * train with; a stretch starts at each optimizer switch.
 */
export function segmentsOf(initial: RunSettings, timeline: readonly TimelineEntry[]): Segment[] {
  type Open = { from: number; optimizer: OptimizerName; seen: RunSettings[] };
  const open: Open[] = [];
  let settings = { ...initial };
  // The settings from `step` on; those at step 1 are dropped when step 1's own changes replace them.
  let pending: { step: number; settings: RunSettings } | null = { step: 1, settings };
  const start = (from: number, optimizer: OptimizerName) => open.push({ from, optimizer, seen: [] });
  const settle = () => {
    if (pending) open.at(-1)!.seen.push(pending.settings);
    pending = null;
  };
  start(1, initial.optimizer);
  const steps = [...new Set(timeline.map((e) => e.step))];
  for (const step of steps) {
    if (pending && pending.step < step) settle();
    pending = null;
    for (const e of timeline.filter((x) => x.step === step)) {
      settings = { ...settings, [e.key]: e.value };
      if (e.key === 'optimizer') {
        // A stretch that never trained (a switch on its first step) is replaced, not kept.
        if (open.at(-1)!.from === step) open.pop();
        start(step, e.value);
      }
    }
    pending = { step, settings };
  }
  settle();
  return open.map(({ from, optimizer, seen }) => {
    const why = torchDiffers(optimizer, seen);
    return { from, optimizer, impl: why === null ? 'torch' : 'written', why };
  });
}

/** Everything the script needs to know about `e` besides the Python itself. */
export function planOf(e: Experiment, pool?: PoolHistory): Plan {
  const shared = e.shared;
  const model = modelSpec(shared.model);
  const trainSize = subsetSize(TRAIN_COUNT, shared.trainImages);
  const stepsPerEpoch = Math.floor(trainSize / shared.batchSize);
  return {
    shared,
    model,
    shapes: tensorShapes(model),
    trainSize,
    wrongLabels: wrongLabelCount(trainSize, shared.labelNoise),
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * shared.epochs,
    pool: (pool?.changes ?? []).map(({ step, images }) => ({ step, images })),
    runs: e.runs.map((run) => {
      const timeline = sortTimeline(run.timeline);
      return {
        name: run.name,
        spec: { ...run, name: importedName(run.name), timeline },
        timeline,
        segments: segmentsOf(run.initial, timeline),
      };
    }),
  };
}

/** "torch.optim.Adam (Adam)", or "the Adam update written out below" (`why` says why). */
export function segmentText(s: Segment): string {
  const label = OPTIMIZER_LABELS[s.optimizer];
  return s.impl === 'torch'
    ? `${TORCH_CLASSES[s.optimizer]} (${label})`
    : `the ${label} update written out below`;
}
