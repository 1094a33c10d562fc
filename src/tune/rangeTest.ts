// The learning-rate range test (Smith 2017, "Cyclical learning rates for training neural networks"):
// η grows geometrically from RANGE_START_LR to RANGE_END_LR, one step each, while the smoothed loss is
// watched; the test stops once that loss is STOP_FACTOR times its lowest. Pure: the worker runs the
// schedule and the stop rule, the page reads the suggestion off the same points.
import type { RangePoint } from '../protocol';
import { DebiasedEma } from './smoothing';

export const RANGE_START_LR = 1e-6;
export const RANGE_END_LR = 10;
/** Steps of a whole sweep at most (and the default). */
export const MAX_RANGE_STEPS = 500;
export const MIN_RANGE_STEPS = 20;
/** The test stops once the smoothed loss exceeds this many times its minimum (as the fast.ai finder). */
export const STOP_FACTOR = 4;

/** η_k = 1e-6 · (1e7)^(k/(N − 1)) for the 0-based step k of an N-step sweep. */
export function rangeRate(k: number, steps: number): number {
  if (steps < 2) return RANGE_START_LR;
  return RANGE_START_LR * (RANGE_END_LR / RANGE_START_LR) ** (k / (steps - 1));
}

/**
 * β of the smoothing: fast.ai's 0.98 for a 500-step sweep, which averages over about 50 steps (a tenth
 * of the sweep). A shorter sweep averages over the same tenth of its steps, so that the smoothed curve
 * lags the raw one by the same span of η (0.7 of a decade); never below 0.9.
 */
export function rangeSmoothing(steps: number): number {
  return Math.min(0.98, Math.max(0.9, 1 - 10 / steps));
}

/** The points of a sweep as they are read back, with the stop rule. */
export class RangeCurve {
  readonly points: RangePoint[] = [];
  private readonly ema: DebiasedEma;
  private lowest = Infinity;
  private done = false;

  constructor(readonly steps: number) {
    this.ema = new DebiasedEma(rangeSmoothing(steps));
  }

  /** Whether the sweep is over: the smoothed loss passed STOP_FACTOR × its minimum, or a loss was not finite. */
  get stopped(): boolean {
    return this.done;
  }

  /** Records step `step`'s (1-based) batch loss; null once stopped (later steps are not part of the test). */
  add(step: number, loss: number): RangePoint | null {
    if (this.done) return null;
    if (!Number.isFinite(loss)) {
      this.done = true;
      return null;
    }
    const smoothed = this.ema.add(loss);
    this.lowest = Math.min(this.lowest, smoothed);
    const point = { step, learningRate: rangeRate(step - 1, this.steps), loss, smoothed };
    this.points.push(point);
    if (smoothed > STOP_FACTOR * this.lowest) this.done = true;
    return point;
  }
}

export interface RangeSuggestion {
  /** η where the smoothed loss falls fastest (the most negative d loss / d ln η before its minimum); null when it never falls. */
  steepest: number | null;
  /** η at the smoothed loss's minimum. */
  atMinimum: number;
  /** One tenth of it: the other rule of thumb. */
  tenthOfMinimum: number;
}

/**
 * The slope d loss / d ln η at point k, over ±h points: the smoothed loss still wobbles from step to
 * step, and a wider difference averages that out.
 */
export function slopeAt(points: readonly RangePoint[], k: number, h: number): number {
  const a = points[k - h]!;
  const b = points[k + h]!;
  return (b.smoothed - a.smoothed) / (Math.log(b.learningRate) - Math.log(a.learningRate));
}

/** The half-width of the difference, and the warm-up the slope search skips, for an N-step sweep. */
export function slopeWindow(steps: number): { h: number; skip: number } {
  const span = 1 / (1 - rangeSmoothing(steps)); // steps the average reaches back
  return { h: Math.max(1, Math.round(span / 5)), skip: Math.round(span) };
}

/** Index of the steepest fall at or before the minimum `min`, or null. */
export function steepestIndex(points: readonly RangePoint[], steps: number, min: number): number | null {
  const { h, skip } = slopeWindow(steps);
  const hi = Math.min(min, points.length - 1 - h);
  // The first values average few losses and jump about; skip them unless nothing else is left.
  const lo = Math.max(h, skip) <= hi ? Math.max(h, skip) : h;
  let best: number | null = null;
  let bestSlope = 0;
  for (let k = lo; k <= hi; k++) {
    const s = slopeAt(points, k, h);
    if (s < bestSlope) [best, bestSlope] = [k, s];
  }
  return best;
}

/** The suggested learning rates of a sweep of `steps` steps, or null while it has too few points. */
export function suggestRates(points: readonly RangePoint[], steps: number): RangeSuggestion | null {
  if (points.length < 3) return null;
  let min = 0;
  points.forEach((p, i) => {
    if (p.smoothed < points[min]!.smoothed) min = i;
  });
  const steepest = steepestIndex(points, steps, min);
  const atMinimum = points[min]!.learningRate;
  return {
    steepest: steepest === null ? null : points[steepest]!.learningRate,
    atMinimum,
    tenthOfMinimum: atMinimum / 10,
  };
}
