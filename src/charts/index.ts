// The charts' public surface for the page.
export { LossChart, type LossChartProps } from './LossChart';
export { AccuracyChart, type AccuracyChartProps } from './AccuracyChart';
export { RUN_COLORS, type ChartRun, type RunMarker, type ValidationPoint } from './types';
