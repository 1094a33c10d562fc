// Training (batch) and validation accuracy of one or more runs, on a fixed 0–100% axis.
import { memo, type Ref } from 'react';
import { countRender } from '../shared/renderCount';
import { useI18n } from '../i18n/I18n';
import { MetricChart } from './MetricChart';
import type { ChartRun } from './types';

export interface AccuracyChartProps {
  runs: readonly ChartRun[];
  /** EMA weight in [0, 0.999]; 0 draws the raw batch accuracies only. */
  smoothing: number;
  /** 0 while unknown: no epoch lines then. */
  stepsPerEpoch: number;
  /** Pixels, with a fixed `width` (tests); on the page CSS sizes the plot with the window. */
  height?: number;
  /** Pixels; omitted, the chart follows its container's width. */
  width?: number;
  /** Bump when points were appended to arrays passed again unchanged. */
  version?: number;
  /** Shown over the empty axes before any point exists, e.g. "Press Start to train". */
  emptyHint?: string;
  /** The figure element, e.g. for exporting its SVG (React 19 passes `ref` as a prop). */
  ref?: Ref<HTMLDivElement>;
  /** Projector view: larger text and thicker lines. */
  large?: boolean;
}

// memo: the page re-renders often (status, controls); a chart only when its data or options change.
export const AccuracyChart = memo(function AccuracyChart({ height = 300, ...rest }: AccuracyChartProps) {
  countRender('accuracy');
  const { m } = useI18n();
  return (
    <MetricChart
      {...rest}
      metric="accuracy"
      logScale={false}
      height={height}
      ariaLabel={m.charts.accuracyChart}
    />
  );
});
