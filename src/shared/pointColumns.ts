// A run's training points as columns (typed arrays that grow by doubling) rather than one object per
// step: a ten-epoch four-run race keeps 69,000 points, a hundred-epoch one 687,000, and an object
// with two boxed doubles costs about 60 bytes where a row of columns costs 30. Readers see MetricPoints,
// which a plain array of points also is (imported and kept runs).
import { isDiverged, type MetricPoint } from './metrics';

/** What the page reads of a run's points: a plain array of them, or PointColumns. */
export interface MetricPoints extends Iterable<MetricPoint> {
  readonly length: number;
  /** The point at `i` (negative: from the end), as arrays' `at`. */
  at(i: number): MetricPoint | undefined;
}

const INITIAL = 256;

export class PointColumns implements MetricPoints {
  private steps = new Uint32Array(INITIAL);
  private epochs = new Uint16Array(INITIAL);
  private losses = new Float64Array(INITIAL);
  private accuracies = new Float64Array(INITIAL);
  /** η_t of each step; NaN where a point has none (recorded before schedules). */
  private rates = new Float64Array(INITIAL);
  private n = 0;
  /** The first step whose loss diverged, or null: kept as points arrive, never searched for. */
  divergedAt: number | null = null;

  get length(): number {
    return this.n;
  }

  at(i: number): MetricPoint | undefined {
    const k = i < 0 ? this.n + i : i;
    if (!(k >= 0 && k < this.n)) return undefined;
    const point: MetricPoint = {
      step: this.steps[k]!,
      epoch: this.epochs[k]!,
      loss: this.losses[k]!,
      accuracy: this.accuracies[k]!,
    };
    const lr = this.rates[k]!;
    if (!Number.isNaN(lr)) point.lr = lr;
    return point;
  }

  push(...points: readonly MetricPoint[]): void {
    this.reserve(this.n + points.length);
    for (const p of points) {
      const k = this.n++;
      this.steps[k] = p.step;
      this.epochs[k] = p.epoch;
      this.losses[k] = p.loss;
      this.accuracies[k] = p.accuracy;
      this.rates[k] = p.lr ?? NaN;
      if (this.divergedAt === null && isDiverged(p.loss)) this.divergedAt = p.step;
    }
  }

  *[Symbol.iterator](): Iterator<MetricPoint> {
    for (let k = 0; k < this.n; k++) yield this.at(k)!;
  }

  private reserve(size: number): void {
    if (size <= this.steps.length) return;
    const cap = Math.max(size, 2 * this.steps.length);
    const grow = <T extends Uint32Array | Uint16Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.steps = grow(this.steps, (c) => new Uint32Array(c));
    this.epochs = grow(this.epochs, (c) => new Uint16Array(c));
    this.losses = grow(this.losses, (c) => new Float64Array(c));
    this.accuracies = grow(this.accuracies, (c) => new Float64Array(c));
    this.rates = grow(this.rates, (c) => new Float64Array(c));
  }
}

/** The first step of `points` whose loss diverged, or null (kept by PointColumns, searched in an array). */
export function divergedStep(points: MetricPoints): number | null {
  if (points instanceof PointColumns) return points.divergedAt;
  for (const p of points) if (isDiverged(p.loss)) return p.step;
  return null;
}

/** The points of `points` up to step `step`, as columns (a run resumed from a checkpoint drops the rest). */
export function columnsUpTo(points: MetricPoints, step: number): PointColumns {
  const out = new PointColumns();
  for (const p of points) if (p.step <= step) out.push(p);
  return out;
}

/** The points as a plain array (export files and storage keep arrays). */
export function pointArray(points: MetricPoints): MetricPoint[] {
  return Array.isArray(points) ? points.slice() : [...points];
}
