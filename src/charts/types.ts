// The data a chart draws: one ChartRun per training run, so several runs can share one chart later.
// Plain data from the session; the charts never fetch anything themselves.
import type { MetricPoint } from '../protocol';

export interface ValidationPoint {
  step: number;
  loss: number;
  accuracy: number;
}

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
  points: readonly MetricPoint[];
  /** Ascending by step. */
  validation: readonly ValidationPoint[];
  markers: readonly RunMarker[];
}

/**
 * Colours for overlaid runs (Okabe–Ito), distinguishable with common colour-vision deficiencies
 * and dark enough to read as text on a white projector image.
 */
export const RUN_COLORS: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
];
