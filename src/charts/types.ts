// The data a chart draws: one ChartRun per training run; several runs share one chart when compared.
// Plain data from the session; the charts never fetch anything themselves.
import type { EvalPoint } from '../shared/metrics';
import type { MetricPoints } from '../shared/pointColumns';

/** A live change drawn as a labelled vertical line at the first step that used it. */
export interface RunMarker {
  step: number;
  label: string;
}

export interface ChartRun {
  /** Stable across renders; used as the React key of the run's lines. */
  id: string;
  /** Shown in the legend when more than one run is drawn. */
  name: string;
  /** Every line, dot and marker of the run uses this one colour. */
  color: string;
  /** Ascending by step. The caller may append in place, then bump the chart's `version`. */
  points: MetricPoints;
  /** Ascending by step. */
  validation: readonly EvalPoint[];
  /** The whole (small) training set at the validation points, ascending; absent or empty otherwise. */
  training?: readonly EvalPoint[];
  markers: readonly RunMarker[];
}
