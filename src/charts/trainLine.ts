// One run's training line for one metric, kept up to date as points arrive: the smoothed values and
// the thinning are extended with the new points only, so a redraw costs the same at step 100,000 as at
// step 1,000 (work proportional to the new points plus the few hundred rows drawn).
//
// Thinning keeps, in each bucket of steps, the lowest and the highest value, so spikes survive. The
// buckets are aligned at powers of two: bucket k of width w holds points 1 + k·w … (k+1)·w (point 0
// is kept on its own). When there are more than 2B of them, neighbours merge and w doubles; merging
// two aligned buckets gives exactly the bucket of twice the width, so the line depends only on the
// points, never on how they arrived. A draw groups the fine buckets into at most B for the chart.
import { isDiverged, type MetricPoint } from '../shared/metrics';
import type { MetricPoints } from '../shared/pointColumns';

/** Highest smoothing accepted; at 1 the average would never move. */
export const MAX_SMOOTHING = 0.999;

export interface ChartRow {
  step: number;
  /** Training value of this step's batch. */
  raw?: number | null;
  /** EMA of the training values up to this step. */
  smooth?: number | null;
  /** Validation value, on validation rows (RunSeries.val) only. */
  val?: number | null;
  /** The whole training set's value, on its rows (RunSeries.whole) only. */
  whole?: number | null;
}

/**
 * Exponential moving average with TensorBoard's debiasing, one value at a time, so the first values
 * are not pulled towards 0. A non-finite value gives NaN and leaves the running average untouched,
 * so one bad batch does not blank the rest of the line.
 */
export class Ema {
  /** The smoothing in use: clamped to [0, MAX_SMOOTHING], 0 where it is not a number. */
  readonly s: number;
  private last = 0;
  private count = 0;

  constructor(smoothing: number) {
    this.s = Number.isFinite(smoothing) ? Math.min(Math.max(smoothing, 0), MAX_SMOOTHING) : 0;
  }

  next(v: number): number {
    if (!Number.isFinite(v)) return NaN;
    this.last = this.last * this.s + (1 - this.s) * v;
    this.count++;
    return this.last / (1 - Math.pow(this.s, this.count));
  }
}

/** A value the chart can place on its axis, or null (a gap): a log axis has no place for values ≤ 0. */
export function plottable(v: number, logScale: boolean): number | null {
  if (!Number.isFinite(v)) return null;
  return logScale && v <= 0 ? null : v;
}

/** Extremes of one bucket, for one line: index and value of its lowest and highest (−1: none yet). */
class Extremes {
  lo: Int32Array;
  hi: Int32Array;
  loV: Float64Array;
  hiV: Float64Array;
  /** The steps of the lowest and highest point: rows are drawn from these, not from the points. */
  loStep: Float64Array;
  hiStep: Float64Array;

  constructor(capacity: number) {
    this.lo = new Int32Array(capacity).fill(-1);
    this.hi = new Int32Array(capacity).fill(-1);
    this.loV = new Float64Array(capacity);
    this.hiV = new Float64Array(capacity);
    this.loStep = new Float64Array(capacity);
    this.hiStep = new Float64Array(capacity);
  }

  add(k: number, i: number, step: number, v: number): void {
    // ±Infinity cannot be drawn (a gap, like NaN): the extremes are the finite values around it.
    if (!Number.isFinite(v)) return;
    // Strict comparisons: on a tie the earlier point stays, as a merge (earlier bucket first) keeps it.
    if (this.lo[k]! < 0 || v < this.loV[k]!) [this.lo[k], this.loV[k], this.loStep[k]] = [i, v, step];
    if (this.hi[k]! < 0 || v > this.hiV[k]!) [this.hi[k], this.hiV[k], this.hiStep[k]] = [i, v, step];
  }

  /** Folds bucket `from` into bucket `into` (`from` holds later points). */
  fold(into: number, from: number): void {
    if (this.lo[from]! >= 0 && (this.lo[into]! < 0 || this.loV[from]! < this.loV[into]!)) {
      this.lo[into] = this.lo[from]!;
      this.loV[into] = this.loV[from]!;
      this.loStep[into] = this.loStep[from]!;
    }
    if (this.hi[from]! >= 0 && (this.hi[into]! < 0 || this.hiV[from]! > this.hiV[into]!)) {
      this.hi[into] = this.hi[from]!;
      this.hiV[into] = this.hiV[from]!;
      this.hiStep[into] = this.hiStep[from]!;
    }
  }

  /** Buckets 2j and 2j+1 become bucket j, for j < ceil(count / 2). */
  halve(count: number): void {
    for (let j = 0; 2 * j < count; j++) {
      this.copy(j, 2 * j);
      if (2 * j + 1 < count) this.fold(j, 2 * j + 1);
    }
    for (let k = Math.ceil(count / 2); k < count; k++) [this.lo[k], this.hi[k]] = [-1, -1];
  }

  private copy(into: number, from: number): void {
    this.lo[into] = this.lo[from]!;
    this.hi[into] = this.hi[from]!;
    this.loV[into] = this.loV[from]!;
    this.hiV[into] = this.hiV[from]!;
    this.loStep[into] = this.loStep[from]!;
    this.hiStep[into] = this.hiStep[from]!;
  }
}

/** A kept point of one line: its index, step and value. */
interface Kept {
  i: number;
  step: number;
  v: number;
}

export class TrainLine {
  /** The first points, drawn as they are while there are no more than maxPoints of them. */
  private readonly early: { steps: Float64Array; values: Float64Array; smooth: Float64Array };
  /** The latest point, always drawn. */
  private last: Kept & { s: number } = { i: -1, step: 0, v: NaN, s: NaN };
  private n = 0;
  private readonly ema: Ema;
  private readonly limit: number;
  /** Buckets for the chart (B) and fine buckets kept (up to 2B). */
  private readonly shown: number;
  private readonly raw: Extremes;
  private readonly smoothed: Extremes;
  private buckets = 0;
  private width = 1;
  /** The first step whose loss diverged, or null. */
  divergedAt: number | null = null;

  constructor(
    readonly metric: 'loss' | 'accuracy',
    readonly smoothing: number,
    readonly maxPoints: number,
  ) {
    this.ema = new Ema(smoothing);
    this.limit = Math.max(0, Math.floor(maxPoints));
    this.shown = Math.max(0, Math.floor((this.limit - 2) / 2));
    this.raw = new Extremes(2 * this.shown + 2);
    this.smoothed = new Extremes(2 * this.shown + 2);
    this.early = {
      steps: new Float64Array(this.limit),
      values: new Float64Array(this.limit),
      smooth: new Float64Array(this.limit),
    };
  }

  /** Points consumed so far. */
  get count(): number {
    return this.n;
  }

  /** Consumes `points` from index `count` on (the caller appends to the same array). */
  update(points: MetricPoints): void {
    for (let i = this.n; i < points.length; i++) this.push(points.at(i)!);
  }

  private push(p: MetricPoint): void {
    const i = this.n++;
    const v = p[this.metric];
    const s = this.ema.next(v);
    this.last = { i, step: p.step, v, s };
    if (i < this.limit) {
      this.early.steps[i] = p.step;
      this.early.values[i] = v;
      this.early.smooth[i] = s;
    }
    if (this.divergedAt === null && isDiverged(p.loss)) this.divergedAt = p.step;
    if (i === 0 || this.shown === 0) return;
    const k = Math.floor((i - 1) / this.width);
    if (k >= this.buckets) this.buckets = k + 1;
    this.raw.add(k, i, p.step, v);
    this.smoothed.add(k, i, p.step, s);
    if (this.buckets > 2 * this.shown) {
      this.raw.halve(this.buckets);
      this.smoothed.halve(this.buckets);
      this.buckets = Math.ceil(this.buckets / 2);
      this.width *= 2;
    }
  }

  /** The points to draw of one line, ascending: all while few, else point 0, the extremes, the last. */
  private kept(e: Extremes, smooth: boolean): Kept[] {
    const { steps, values, smooth: smoothed } = this.early;
    const early = (i: number): Kept => ({ i, step: steps[i]!, v: smooth ? smoothed[i]! : values[i]! });
    if (this.n <= this.limit) return Array.from({ length: this.n }, (_, i) => early(i));
    const out = [early(0)];
    const keep = (k: Kept) => {
      if (k.i > out.at(-1)!.i) out.push(k);
    };
    const groups = Math.min(this.shown, this.buckets);
    for (let g = 0; g < groups; g++) {
      const from = Math.floor((g * this.buckets) / groups);
      const to = Math.floor(((g + 1) * this.buckets) / groups);
      let lo = -1;
      let hi = -1;
      for (let k = from; k < to; k++) {
        if (e.lo[k]! >= 0 && (lo < 0 || e.loV[k]! < e.loV[lo]!)) lo = k;
        if (e.hi[k]! >= 0 && (hi < 0 || e.hiV[k]! > e.hiV[hi]!)) hi = k;
      }
      if (lo < 0) continue; // a stretch with no finite value has nothing to draw
      const low = { i: e.lo[lo]!, step: e.loStep[lo]!, v: e.loV[lo]! };
      const high = { i: e.hi[hi]!, step: e.hiStep[hi]!, v: e.hiV[hi]! };
      for (const k of low.i <= high.i ? [low, high] : [high, low]) keep(k);
    }
    const { i, step, v, s } = this.last;
    keep({ i, step, v: smooth ? s : v });
    return out;
  }

  /** The rows to draw: `raw` and `smooth` at their own kept points (each line thinned by its extremes). */
  rows(logScale: boolean): ChartRow[] {
    const raw = this.kept(this.raw, false);
    const smooth = this.ema.s > 0 ? this.kept(this.smoothed, true) : null;
    const rows: ChartRow[] = [];
    if (!smooth) {
      for (const k of raw) {
        const v = plottable(k.v, logScale);
        rows.push({ step: k.step, raw: v, smooth: v });
      }
      return rows;
    }
    for (let r = 0, q = 0; r < raw.length || q < smooth.length;) {
      const i = Math.min(raw[r]?.i ?? Infinity, smooth[q]?.i ?? Infinity);
      const row: ChartRow = { step: (raw[r]?.i === i ? raw[r] : smooth[q])!.step };
      if (raw[r]?.i === i) row.raw = plottable(raw[r++]!.v, logScale);
      if (smooth[q]?.i === i) row.smooth = plottable(smooth[q++]!.v, logScale);
      rows.push(row);
    }
    return rows;
  }
}
