// Pure helpers that turn a run's metric points into rows the charts can draw: smoothing,
// shape-preserving downsampling, epoch boundaries and log-axis cleanup. No React, no recharts.
import type { EvalPoint } from '../shared/metrics';
import { Ema, MAX_SMOOTHING, plottable, TrainLine, type ChartRow } from './trainLine';
import type { ChartRun } from './types';

export { MAX_SMOOTHING, plottable, type ChartRow };
/** Per line: enough for a full-width chart, few enough that redrawing 4+ times a second stays cheap. */
export const DEFAULT_MAX_POINTS = 500;
export const MAX_EPOCH_LINES = 50;

/** The Ema of every value (trainLine.ts), at once. */
export function ema(values: ArrayLike<number>, smoothing: number): Float64Array {
  const e = new Ema(smoothing);
  return Float64Array.from(values, (v) => e.next(v));
}

/**
 * Indices to keep out of `n` points, ascending: the first, the last, and in each index bucket
 * the lowest and highest `y`, so spikes survive however far the series is thinned.
 */
export function downsampleIndices(n: number, max: number, y: (i: number) => number): number[] {
  const limit = Math.max(0, Math.floor(max));
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  if (limit < 2) return limit === 1 ? [0] : [];
  const kept = [0];
  const interior = n - 2;
  const buckets = Math.floor((limit - 2) / 2);
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * interior) / buckets);
    const to = 1 + Math.floor(((b + 1) * interior) / buckets);
    let lo = -1;
    let hi = -1;
    let loV = Infinity;
    let hiV = -Infinity;
    for (let i = from; i < to; i++) {
      const v = y(i);
      if (Number.isNaN(v)) continue;
      if (lo < 0 || v < loV) [lo, loV] = [i, v];
      if (hi < 0 || v > hiV) [hi, hiV] = [i, v];
    }
    // An all-NaN bucket has nothing to draw.
    if (lo < 0) continue;
    if (lo === hi) kept.push(lo);
    else kept.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  kept.push(n - 1);
  return kept;
}

/** At most `max` of `points` in order (see downsampleIndices); the same array when already short enough. */
export function downsample<T>(points: T[], max: number, y: (p: T) => number = Number): T[] {
  if (points.length <= max) return points;
  return downsampleIndices(points.length, max, (i) => y(points[i] as T)).map((i) => points[i] as T);
}

/**
 * Steps after which a new epoch starts (epoch k+1 begins after step k·stepsPerEpoch), up to
 * `lastStep`. With more than `maxLines` epochs only every k-th boundary is kept.
 */
export function epochBoundaries(
  stepsPerEpoch: number,
  lastStep: number,
  maxLines = MAX_EPOCH_LINES,
): number[] {
  if (!(stepsPerEpoch > 0) || !(lastStep >= stepsPerEpoch) || !(maxLines >= 1)) return [];
  const count = Math.floor(lastStep / stepsPerEpoch);
  const stride = Math.ceil(count / Math.floor(maxLines));
  const out: number[] = [];
  for (let k = stride; k <= count; k += stride) out.push(k * stepsPerEpoch);
  return out;
}

export interface RowOptions {
  metric: 'loss' | 'accuracy';
  /** EMA weight in [0, 0.999]; 0 draws the raw values. */
  smoothing: number;
  logScale?: boolean;
  /** Upper bound on training rows (and separately on validation rows). */
  maxPoints?: number;
}

export interface RunSeries {
  /** Training rows; each has `raw`, `smooth` or both. */
  train: ChartRow[];
  /** Validation rows, each with `val`. */
  val: ChartRow[];
  /** The whole training set's rows, each with `whole` (small training sets only). */
  whole: ChartRow[];
  /** The first step whose loss diverged (see isDiverged), or null: the axis does not fit such a run. */
  divergedAt: number | null;
}

/**
 * One run's training and validation rows, downsampled. Smoothing runs over every point before
 * thinning, so the smoothed line does not depend on how many points are drawn. Each line is
 * thinned by its own extremes: sampling the smoothed line where the raw one peaks would make it
 * zigzag, so a training row may carry only one of `raw` and `smooth`. `line`: the run's training
 * line kept from an earlier call with the same points array, extended here with the new points only.
 */
export function buildRunSeries(
  run: Pick<ChartRun, 'points' | 'validation' | 'training'>,
  opts: RowOptions,
  line = trainLineFor(opts),
): RunSeries {
  line.update(run.points);
  return {
    train: line.rows(opts.logScale ?? false),
    val: evalRows(run.validation, 'val', opts),
    whole: evalRows(run.training ?? [], 'whole', opts),
    divergedAt: line.divergedAt,
  };
}

/** Rows of an evaluation line (validation, or the whole training set), thinned by their extremes. */
export function evalRows(evals: readonly EvalPoint[], key: 'val' | 'whole', opts: RowOptions): ChartRow[] {
  const { metric, logScale = false } = opts;
  return downsampleIndices(evals.length, opts.maxPoints ?? DEFAULT_MAX_POINTS, (i) => evals[i]![metric]).map(
    (i): ChartRow => {
      const p = evals[i]!;
      return { step: p.step, [key]: plottable(p[metric], logScale) };
    },
  );
}

/** An empty training line for these options, to keep and pass to buildRunSeries as points arrive. */
export function trainLineFor(opts: RowOptions): TrainLine {
  return new TrainLine(opts.metric, opts.smoothing, opts.maxPoints ?? DEFAULT_MAX_POINTS);
}
