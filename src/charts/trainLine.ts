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
}

/** A value recharts can place on the axis, or null (a gap): a log axis has no place for values ≤ 0. */
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

  constructor(capacity: number) {
    this.lo = new Int32Array(capacity).fill(-1);
    this.hi = new Int32Array(capacity).fill(-1);
    this.loV = new Float64Array(capacity);
    this.hiV = new Float64Array(capacity);
  }

  add(k: number, i: number, v: number): void {
    if (Number.isNaN(v)) return;
    // Strict comparisons: on a tie the earlier point stays, as a merge (earlier bucket first) keeps it.
    if (this.lo[k]! < 0 || v < this.loV[k]!) [this.lo[k], this.loV[k]] = [i, v];
    if (this.hi[k]! < 0 || v > this.hiV[k]!) [this.hi[k], this.hiV[k]] = [i, v];
  }

  /** Folds bucket `from` into bucket `into` (`from` holds later points). */
  fold(into: number, from: number): void {
    if (this.lo[from]! >= 0 && (this.lo[into]! < 0 || this.loV[from]! < this.loV[into]!)) {
      this.lo[into] = this.lo[from]!;
      this.loV[into] = this.loV[from]!;
    }
    if (this.hi[from]! >= 0 && (this.hi[into]! < 0 || this.hiV[from]! > this.hiV[into]!)) {
      this.hi[into] = this.hi[from]!;
      this.hiV[into] = this.hiV[from]!;
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
  }
}

function grown(a: Float64Array, n: number): Float64Array {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

export class TrainLine {
  /** Columns of the points consumed so far. */
  private steps: Float64Array = new Float64Array(256);
  private values: Float64Array = new Float64Array(256);
  private smooth: Float64Array = new Float64Array(256);
  private n = 0;
  private emaLast = 0;
  private emaCount = 0;
  private readonly s: number;
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
    this.s = Number.isFinite(smoothing) ? Math.min(Math.max(smoothing, 0), MAX_SMOOTHING) : 0;
    this.shown = Math.max(0, Math.floor((Math.floor(maxPoints) - 2) / 2));
    this.raw = new Extremes(2 * this.shown + 2);
    this.smoothed = new Extremes(2 * this.shown + 2);
  }

  /** Points consumed so far. */
  get count(): number {
    return this.n;
  }

  /** Consumes `points` from index `count` on (the caller appends to the same array). */
  update(points: MetricPoints): void {
    const end = points.length;
    if (end <= this.n) return;
    this.steps = grown(this.steps, end);
    this.values = grown(this.values, end);
    this.smooth = grown(this.smooth, end);
    for (let i = this.n; i < end; i++) this.push(points.at(i)!);
  }

  private push(p: MetricPoint): void {
    const i = this.n++;
    const v = p[this.metric];
    this.steps[i] = p.step;
    this.values[i] = v;
    // Exponential moving average with TensorBoard's debiasing (series.ts's ema, one point at a time).
    if (Number.isFinite(v)) {
      this.emaLast = this.emaLast * this.s + (1 - this.s) * v;
      this.emaCount++;
      this.smooth[i] = this.emaLast / (1 - Math.pow(this.s, this.emaCount));
    } else this.smooth[i] = NaN;
    if (this.divergedAt === null && isDiverged(p.loss)) this.divergedAt = p.step;
    if (i === 0 || this.shown === 0) return;
    const k = Math.floor((i - 1) / this.width);
    if (k >= this.buckets) this.buckets = k + 1;
    this.raw.add(k, i, v);
    this.smoothed.add(k, i, this.smooth[i]!);
    if (this.buckets > 2 * this.shown) {
      this.raw.halve(this.buckets);
      this.smoothed.halve(this.buckets);
      this.buckets = Math.ceil(this.buckets / 2);
      this.width *= 2;
    }
  }

  /** Indices to draw of one line, ascending: all of them when few, else point 0, the extremes, the last. */
  private kept(e: Extremes): number[] {
    const n = this.n;
    if (n <= Math.floor(this.maxPoints)) return Array.from({ length: n }, (_, i) => i);
    const out = [0];
    const groups = Math.min(this.shown, this.buckets);
    const keep = (i: number) => {
      if (i > out.at(-1)!) out.push(i);
    };
    for (let g = 0; g < groups; g++) {
      const from = Math.floor((g * this.buckets) / groups);
      const to = Math.floor(((g + 1) * this.buckets) / groups);
      let lo = -1;
      let hi = -1;
      for (let k = from; k < to; k++) {
        if (e.lo[k]! >= 0 && (lo < 0 || e.loV[k]! < this.valueAt(e, lo))) lo = e.lo[k]!;
        if (e.hi[k]! >= 0 && (hi < 0 || e.hiV[k]! > this.valueAt(e, hi))) hi = e.hi[k]!;
      }
      if (lo < 0) continue; // an all-NaN stretch has nothing to draw
      keep(Math.min(lo, hi));
      keep(Math.max(lo, hi));
    }
    keep(n - 1);
    return out;
  }

  private valueAt(e: Extremes, i: number): number {
    return e === this.raw ? this.values[i]! : this.smooth[i]!;
  }

  /** The rows to draw: `raw` and `smooth` at their own kept indices (each line thinned by its extremes). */
  rows(logScale: boolean): ChartRow[] {
    const rawIdx = this.kept(this.raw);
    const smoothIdx = this.s > 0 ? this.kept(this.smoothed) : rawIdx;
    const rows: ChartRow[] = [];
    const plot = (v: number) => plottable(v, logScale);
    for (let r = 0, q = 0; r < rawIdx.length || q < smoothIdx.length;) {
      const i = Math.min(rawIdx[r] ?? Infinity, smoothIdx[q] ?? Infinity);
      const row: ChartRow = { step: this.steps[i]! };
      if (rawIdx[r] === i) {
        row.raw = plot(this.values[i]!);
        r++;
      }
      if (smoothIdx[q] === i) {
        row.smooth = plot(this.smooth[i]!);
        q++;
      }
      rows.push(row);
    }
    return rows;
  }
}
