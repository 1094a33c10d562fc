// Training (batch) and validation accuracy of one or more runs, on a fixed 0–100% axis.
import { MetricChart } from './MetricChart';
import type { ChartRun } from './types';

export interface AccuracyChartProps {
  runs: readonly ChartRun[];
  /** EMA weight in [0, 0.999]; 0 draws the raw batch accuracies only. */
  smoothing: number;
  /** 0 while unknown: no epoch lines then. */
  stepsPerEpoch: number;
  /** Pixels; the width follows the container. */
  height?: number;
  /** Bump when points were appended to arrays passed again unchanged. */
  version?: number;
  /** Shown over the empty axes before any point exists, e.g. "Press Start to train". */
  emptyHint?: string;
}

export function AccuracyChart({ height = 300, ...rest }: AccuracyChartProps) {
  return <MetricChart {...rest} metric="accuracy" logScale={false} height={height} ariaLabel="Accuracy chart" />;
}
