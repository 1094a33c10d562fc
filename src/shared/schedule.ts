// Learning-rate schedules as closed forms: η_t = η · w_t · d_t at step t (1-based). The engine scales
// each step's η by scheduleFactor, the 2-D lab does the same, and the tests pin both to these lines.
import type { ScheduleName } from './settings';

/** What a schedule reads of a run's settings (absent: a constant rate, no warmup, γ 0.5). */
export interface ScheduleSettings {
  schedule?: ScheduleName;
  warmup?: number;
  gamma?: number;
}

/** Where step t sits in the run: E steps per epoch, T steps in all. */
export interface SchedulePeriod {
  stepsPerEpoch: number;
  totalSteps: number;
}

/** w_t = min(1, t/W) for a warmup of W steps; 1 without warmup. */
export function warmupFactor(warmup: number, t: number): number {
  return warmup > 0 ? Math.min(1, t / warmup) : 1;
}

/**
 * d_t: `constant` 1; `step` γ^⌊(t−1)/E⌋; `cosine` ½·(1 + cos(π·(t−1)/T)); `cyclic` the triangle
 * 0.1 + 0.9·(1 − |((t−1) mod 2E)/E − 1|), from a tenth of η up to η and back every two epochs.
 */
export function decayFactor(
  schedule: ScheduleName,
  gamma: number,
  t: number,
  { stepsPerEpoch: e, totalSteps: total }: SchedulePeriod,
): number {
  const k = t - 1;
  switch (schedule) {
    case 'constant':
      return 1;
    case 'step':
      return gamma ** Math.floor(k / e);
    case 'cosine':
      return 0.5 * (1 + Math.cos((Math.PI * Math.min(k, total)) / total));
    case 'cyclic':
      return 0.1 + 0.9 * (1 - Math.abs((k % (2 * e)) / e - 1));
    default: {
      const never: never = schedule;
      throw new RangeError(`unknown schedule ${String(never)}`);
    }
  }
}

/** w_t · d_t: what step t multiplies the base learning rate by. */
export function scheduleFactor(s: ScheduleSettings, t: number, period: SchedulePeriod): number {
  const w = warmupFactor(s.warmup ?? 0, t);
  return w * decayFactor(s.schedule ?? 'constant', s.gamma ?? 0.5, t, period);
}
