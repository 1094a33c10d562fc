// The comment block the script opens with: what it reproduces, the experiment's settings and each
// run's changes, how to run it, and where it can differ from the page.
import { usedBy } from '../../config/schema';
import { CNN, parameterCount } from '../../shared/model';
import { IMAGE_PIXELS, NUM_CLASSES, TRAIN_COUNT } from '../../shared/mnist';
import type { LiveKey, RunSettings, TimelineEntry } from '../../shared/settings';
import { OPTIMIZER_LABELS } from '../runs';
import { segmentText, type Plan, type RunPlan } from './plan';
import { comment } from './literal';

/** How many of a run's changes the header lists; the data block below it holds them all. */
const LISTED_CHANGES = 12;

const SYMBOLS: Readonly<Record<LiveKey, string>> = {
  optimizer: 'optimizer',
  learningRate: 'η',
  momentum: 'μ',
  nesterov: 'Nesterov',
  beta1: 'β1',
  beta2: 'β2',
  epsilon: 'ε',
  biasCorrection: 'bias correction',
  weightDecay: 'weight decay',
  schedule: 'schedule',
  warmup: 'warmup',
  gamma: 'γ',
};

const count = (n: number) => n.toLocaleString('en-US');

function valueText(key: LiveKey, value: RunSettings[LiveKey]): string {
  if (key === 'optimizer') return OPTIMIZER_LABELS[value as RunSettings['optimizer']];
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/**
 * The settings the run's optimizer reads, then (a line of their own, where any act) weight decay and
 * the schedule.
 */
function settingsLines(s: RunSettings): string[] {
  const used = usedBy(s.optimizer);
  const keys = (['learningRate', 'momentum', 'nesterov', 'beta1', 'beta2', 'epsilon'] as const).filter((k) =>
    used.has(k),
  );
  const rule = keys.map((k) => `${SYMBOLS[k]} ${valueText(k, s[k])}`);
  if (used.has('biasCorrection') && !s.biasCorrection) rule.push('bias correction off');
  const more: string[] = [];
  if (s.weightDecay > 0)
    more.push(`weight decay ${s.weightDecay}${s.optimizer === 'adamw' ? ' (decoupled)' : ' (L2)'}`);
  if (s.schedule !== 'constant')
    more.push(`${s.schedule} schedule${s.schedule === 'step' ? ` (γ ${s.gamma})` : ''}`);
  if (s.warmup > 0) more.push(`warmup ${s.warmup} steps`);
  const first = `${OPTIMIZER_LABELS[s.optimizer]}: ${rule.join(', ')}`;
  return more.length > 0 ? [first, more.join(', ')] : [first];
}

function changeLines(timeline: readonly TimelineEntry[]): string[] {
  const steps = [...new Set(timeline.map((e) => e.step))];
  const lines = steps.slice(0, LISTED_CHANGES).map((step) => {
    const here = timeline.filter((e) => e.step === step);
    return `     step ${count(step)}: ${here.map((e) => `${SYMBOLS[e.key]} → ${valueText(e.key, e.value)}`).join(', ')}`;
  });
  if (steps.length > LISTED_CHANGES)
    lines.push(`     … changes at ${steps.length - LISTED_CHANGES} more steps (all in EXPERIMENT below)`);
  return lines;
}

function runLines(run: RunPlan, index: number): string[] {
  const [rule, ...more] = settingsLines(run.spec.initial);
  const lines = [`  ${index + 1}. "${run.name}": ${rule}`, ...more.map((l) => `     ${l}`)];
  lines.push(...changeLines(run.timeline));
  for (const s of run.segments) {
    const by = s.from === 1 ? '     trained by' : `       from step ${count(s.from)} by`;
    lines.push(`${by} ${segmentText(s)}${s.why === null ? '' : ':'}`);
    if (s.why !== null) lines.push(`${' '.repeat(by.length + 3)}${s.why}`);
  }
  return lines;
}

function modelText(plan: Plan): string {
  const params = count(parameterCount(plan.model));
  if (plan.model.kind === 'cnn') {
    const [f1, f2] = CNN.filters;
    const k = `${CNN.kernel}×${CNN.kernel}`;
    return `cnn: conv ${k}×${f1} → ReLU → max-pool ${CNN.pool} → conv ${k}×${f2} → ReLU → max-pool ${CNN.pool} → dense ${NUM_CLASSES} (${params} parameters)`;
  }
  const widths = [IMAGE_PIXELS, ...plan.model.hidden, NUM_CLASSES].join(' → ');
  const f = plan.model.hidden.length > 0 ? `, ${plan.shared.activation}` : '';
  return `${plan.shared.model}: ${widths}${f} (${params} parameters)`;
}

function dataLines(plan: Plan): string[] {
  const { shared } = plan;
  const images =
    plan.trainSize < TRAIN_COUNT
      ? `${count(plan.trainSize)} of the ${count(TRAIN_COUNT)}`
      : `all ${count(TRAIN_COUNT)}`;
  const wrong =
    plan.wrongLabels > 0
      ? `, ${count(plan.wrongLabels)} of them with a wrong label (label noise ${shared.labelNoise})`
      : '';
  const cnn = plan.model.kind === 'cnn' || plan.model.hidden.length === 0;
  const none = cnn ? ' (none here: it acts on the hidden layers of an MLP)' : '';
  return [
    `training images: ${images}${wrong}`,
    ...(shared.dropout > 0 ? [`dropout ${shared.dropout}${none}`] : []),
  ];
}

/** Where the numbers can differ from the page's, beyond float32 rounding. */
function notes(plan: Plan): string[] {
  const lines = [
    'Where it can differ from the page:',
    '- Both compute in float32, summing in different orders: the losses agree to rounding at step 1,',
    '  then drift apart as slowly as two float32 implementations of the same steps do.',
    '- A run that diverges (loss above 1e6, or NaN) stops after that step; the page may have recorded',
    '  a few more steps, up to the end of the chunk it was training.',
    '- Validation follows the running page (5 times an epoch, once an epoch with a small training set, and',
    '  after the last step); stepping by hand on the page also validated at the end of each epoch.',
  ];
  if (plan.pool.length > 0)
    lines.push(
      '- The page began before all of MNIST had arrived; its early batches came from the images that',
      '  had (the pools recorded with the run), and those batches are replayed here. It validated only',
      '  once the validation images were in; this script validates at every point.',
    );
  return lines;
}

export function headerLines(plan: Plan): string {
  const { shared } = plan;
  const n = plan.runs.length;
  return comment([
    `MNIST optimizer playground: this experiment's ${n === 1 ? 'run' : `${n} runs`}, trained again in PyTorch.`,
    '',
    "It rebuilds what the page trained: the 55,000 / 5,000 split of MNIST's training file, the",
    "preprocessing, the network and its initial weights (the page's seeded random numbers, ported),",
    "the batch order, each run's optimizer with its changes applied at the same steps, the learning-rate",
    'schedule, weight decay, and the data lever (training subset, wrong labels, dropout masks). It writes',
    "the loss of every step of every run in the page's export format, so the page imports it as curves.",
    '',
    "Needs python3 with torch and numpy, and MNIST's four original files, each optionally gzipped, in one",
    'folder: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,',
    't10k-labels-idx1-ubyte. Nothing is downloaded.',
    '',
    'Run:  python3 this_file.py --mnist DIR [--steps N] [--device cpu|cuda] [--out FILE]',
    `  --steps N    stop after N steps (default: all ${count(plan.totalSteps)}; the schedules still span them all)`,
    '  --device     cpu (default), or cuda where PyTorch has a GPU',
    '  --out FILE   the results (default mnist-runs-pytorch.json)',
    '',
    'Shared settings',
    `  model ${modelText(plan)}`,
    `  batch ${shared.batchSize}, ${shared.epochs} epoch${shared.epochs === 1 ? '' : 's'} of ${count(plan.stepsPerEpoch)} steps (${count(plan.totalSteps)} steps), preprocessing ${shared.preprocessing}, seed ${shared.seed}`,
    ...dataLines(plan).map((l) => `  ${l}`),
    '',
    'Runs (η is the base learning rate; a schedule scales it step by step)',
    ...plan.runs.flatMap(runLines),
    '',
    ...notes(plan),
  ]);
}
