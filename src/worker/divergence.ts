// When a lane's loss has left the numbers: the first diverged point of a chunk, and what the page says
// about it. Pure, so the runner's report stays about scheduling.
import type { MetricPoint } from '../shared/metrics';
import { isDiverged } from '../shared/metrics';

export interface Divergence {
  step: number;
  message: string;
}

/** The first point of `points` whose loss diverged (see isDiverged), as the page's message; null if none. */
export function divergenceIn(points: readonly MetricPoint[]): Divergence | null {
  const bad = points.find((p) => isDiverged(p.loss));
  if (!bad) return null;
  const what = Number.isFinite(bad.loss) ? `exploded to ${bad.loss.toPrecision(3)}` : `became ${bad.loss}`;
  return {
    step: bad.step,
    message: `Training diverged at step ${bad.step}: the loss ${what}. Lower the learning rate and press Reset.`,
  };
}
