// The "Inside the optimizer" chart's data: which quantity, which lines (one per layer for one run, or
// one per run for one layer when comparing), and the values, as plain rows. Pure, tested in Node.
import type { InternalsPoint, LayerInternals, Quantity } from '../shared/internals';
import type { InternalsPoints } from '../shared/internalsColumns';
import { downsample } from './series';

/** Quantities that span decades are drawn on a log axis; shares and cosines are not. */
export const LOG_QUANTITIES: ReadonlySet<Quantity> = new Set([
  'gradNorm',
  'updateRatio',
  'effectiveStep',
  'biasCorrection',
  'learningRate',
]);

/**
 * The rule of thumb for update/weight (often quoted from Karpathy's notes): around 1e-3 per step is
 * healthy, far above means the rate is too high, far below too low. The band is half a decade each way.
 */
export const UPDATE_RATIO_BAND = [10 ** -3.5, 10 ** -2.5] as const;

/** Quantities of a whole step rather than of a layer: no layer to pick, no line per layer. */
export function isStepWide(q: Quantity): boolean {
  return q === 'biasCorrection' || q === 'learningRate';
}

/** The value of `quantity` for one layer at one step, or null where the optimizer has none. */
export function layerValue(q: Quantity, p: InternalsPoint, layer: string, which: 1 | 2 = 1): number | null {
  if (q === 'biasCorrection') return (which === 1 ? p.biasCorrection1 : p.biasCorrection2) ?? null;
  if (q === 'learningRate') return p.lr ?? null;
  const l: LayerInternals | undefined = p.layers[layer];
  if (!l) return null;
  switch (q) {
    case 'gradNorm':
      return l.gradNorm;
    case 'updateRatio':
      return l.weightNorm > 0 ? l.updateNorm / l.weightNorm : null;
    case 'effectiveStep':
      return l.stepMedian ?? null;
    case 'epsShare':
      return l.epsShare ?? null;
    case 'velocityCosine':
      return l.velocityCosine ?? null;
  }
}

/** The layer tensors a run reports, in the order the model has them. */
export function layersOf(points: InternalsPoints): string[] {
  const first = points.at(0);
  return first ? Object.keys(first.layers) : [];
}

/** A layer tensor's name taken apart: `conv2.bias` is the bias of the second layer of the network. */
export interface LayerTensor {
  conv: boolean;
  part: 'kernel' | 'bias';
  /** The layer's position in the network, 1 nearest the input (the CNN's dense1 is 3). */
  depth: number;
}

const TENSOR = /^(dense|conv)(\d+)\.(kernel|bias)$/;

/**
 * `tensor` taken apart. `layers` are the tensors the run reports: convolutions come before the dense
 * layers in every model, so a dense layer's depth is its number plus the number of convolutions.
 */
export function layerTensor(tensor: string, layers: readonly string[]): LayerTensor | null {
  const parts = TENSOR.exec(tensor);
  if (!parts) return null;
  const conv = parts[1] === 'conv';
  const convLayers = new Set(layers.flatMap((l) => /^(conv\d+)\./.exec(l)?.[1] ?? []));
  return {
    conv,
    part: parts[3] === 'kernel' ? 'kernel' : 'bias',
    depth: Number(parts[2]) + (conv ? 0 : convLayers.size),
  };
}

export interface InternalsLine {
  key: string;
  /** Legend text: a layer's name, or a run's name when comparing. */
  name: string;
  /** A run's colour; lines of one run are told apart by dash instead. */
  color: string;
  dash?: string;
  rows: { step: number; value: number }[];
}

export interface InternalsRun {
  id: string;
  name: string;
  color: string;
  internals: InternalsPoints;
}

// One pattern per tensor of the deepest model (three hidden layers: eight tensors), so no two lines
// of one run look alike.
const DASHES = [undefined, '8 4', '2 3', '12 3 2 3', '4 2 4 8', '1 5', '16 4 2 4', '6 2 1 2 1 2'];
/** Enough rows per line for a chart a few hundred pixels wide. */
const MAX_ROWS = 600;

function rowsOf(
  points: InternalsPoints,
  value: (p: InternalsPoint) => number | null,
  log: boolean,
): InternalsLine['rows'] {
  const rows: InternalsLine['rows'] = [];
  for (const p of points) {
    const v = value(p);
    // A log axis cannot place 0 or a negative value; a NaN has no place on any axis.
    if (v !== null && Number.isFinite(v) && (!log || v > 0)) rows.push({ step: p.step, value: v });
  }
  return downsample(rows, MAX_ROWS, (r) => r.value);
}

/**
 * One run: a line per layer (bias correction: a line per moment, 1/(1−β1^t) and 1/(1−β2^t)). Several
 * runs: a line per run for `layer`. Lines without a single value (SGD has no ε share) are left out.
 */
export function internalsLines(runs: readonly InternalsRun[], q: Quantity, layer: string): InternalsLine[] {
  const log = LOG_QUANTITIES.has(q);
  const lines: InternalsLine[] = [];
  if (runs.length === 1) {
    const run = runs[0]!;
    // Step-wide quantities have one line per run (two for the bias corrections), not one per layer.
    const names =
      q === 'biasCorrection' ? ['β1', 'β2'] : q === 'learningRate' ? ['ηₜ'] : layersOf(run.internals);
    names.forEach((name, i) => {
      const which = i === 0 ? 1 : 2;
      lines.push({
        key: `${run.id}-${name}`,
        name,
        color: run.color,
        dash: DASHES[i % DASHES.length],
        rows: rowsOf(run.internals, (p) => layerValue(q, p, name, which), log),
      });
    });
  } else {
    for (const run of runs)
      for (const which of q === 'biasCorrection' ? ([1, 2] as const) : ([1] as const))
        lines.push({
          key: `${run.id}-${which}`,
          name: q === 'biasCorrection' ? `${run.name} β${which}` : run.name,
          color: run.color,
          dash: which === 2 ? DASHES[1] : undefined,
          rows: rowsOf(run.internals, (p) => layerValue(q, p, layer, which), log),
        });
  }
  return lines.filter((l) => l.rows.length > 0);
}
