// Axis ranges the charts compute themselves instead of leaving to recharts ('dataMax', 'auto'). Each
// moves in round steps, so while a run trains the axes change a few times per decade of steps rather
// than at every redraw: recharts redraws its axes and grid whenever a range changes.
import type { Formatters } from '../i18n/format';

/** Round tops within a decade: an axis ends at most a fifth past the data. */
const STEP_TOPS = [1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9, 10];
/** Round tops for a value axis: a curve starting at 2.3 gets an axis to 2.5. */
const VALUE_TOPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
/** Round bottoms of a log axis: 1, 2 or 5 times a power of ten. */
const LOG_BOTTOMS = [1, 2, 5];

/** The smallest of `tops` × a power of ten that is at least `x` (x > 0). */
function roundUp(x: number, tops: readonly number[]): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = tops.find((t) => t * p >= x * (1 - 1e-12)) ?? 10;
  return Number((m * p).toPrecision(12));
}

/** The right end of a step axis whose last drawn step is `lastStep` (100 before any step). */
export function stepAxisEnd(lastStep: number): number {
  if (!(lastStep > 10)) return lastStep > 0 ? 10 : 100;
  return roundUp(lastStep, STEP_TOPS);
}

/** The top of a linear axis from 0 that fits `max` with a little headroom. */
export function valueAxisTop(max: number): number {
  return max > 0 && Number.isFinite(max) ? roundUp(max * 1.05, VALUE_TOPS) : 1;
}

/** A log axis that fits [min, max] (both > 0): bottom 1, 2 or 5 × 10^k, top a round value. */
export function logAxisDomain(min: number, max: number): [number, number] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [0.01, 10];
  const p = 10 ** Math.floor(Math.log10(min));
  const m = [...LOG_BOTTOMS].reverse().find((b) => b * p <= min * (1 + 1e-12)) ?? 1;
  const bottom = Number((m * p).toPrecision(12));
  const top = roundUp(max * 1.05, VALUE_TOPS);
  return [bottom, top > bottom ? top : bottom * 10];
}

/** Smallest and largest finite value of `values` (null when none). */
export function extent(values: Iterable<number | null | undefined>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (typeof v === 'number' && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : null;
}

/** Tick spacings within a decade: 1, 2, 2.5 or 5 times a power of ten. */
const TICK_STEPS = [1, 2, 2.5, 5];

/**
 * Ticks from 0 to `end` at the finest round spacing that gives at most `maxIntervals` intervals
 * (recharts would split [0, end] into equal parts: 0, 0.75, 1.5, 2.25 for an axis to 3).
 */
export function roundTicks(end: number, maxIntervals: number): number[] {
  if (!(end > 0) || !Number.isFinite(end)) return [0];
  const raw = end / Math.max(1, maxIntervals);
  const p = 10 ** Math.floor(Math.log10(raw));
  const spacing = [...TICK_STEPS, 10].map((m) => m * p).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * p;
  const count = Math.floor(end / spacing + 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * spacing).toPrecision(12)));
}

/**
 * Ticks of a log axis over [a, b]: powers of ten where it spans decades, 1, 2 and 5 times them where
 * it spans less, and its two ends where neither gives two ticks.
 */
export function logTicks([a, b]: readonly [number, number]): number[] {
  if (!(a > 0) || !(b > a)) return [a, b];
  const within = (ms: readonly number[]) => {
    const out: number[] = [];
    for (let k = Math.floor(Math.log10(a)); k <= Math.ceil(Math.log10(b)); k++)
      for (const m of ms) {
        const t = Number((m * 10 ** k).toPrecision(12));
        if (t >= a * (1 - 1e-9) && t <= b * (1 + 1e-9)) out.push(t);
      }
    return out;
  };
  const fine = within(LOG_BOTTOMS);
  if (fine.length >= 2 && fine.length <= 7) return fine;
  const decades = within([1]);
  return decades.length >= 2 ? decades : [a, b];
}

/** A step tick's label: whole below 10,000 (an axis to 1,250 ends at "1,250", not "1.3K"), compact above. */
export const stepTickText =
  (f: Pick<Formatters, 'int' | 'compact'>) =>
  (v: number): string =>
    v < 10_000 ? f.int(v) : f.compact(v);
