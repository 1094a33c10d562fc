// The recorded results of an experiment as one plain object: what JSON export writes, what import
// returns and what IndexedDB keeps. Kept apart so the writer and the validator share it without a cycle.
import type { InternalsPoint } from '../shared/internals';
import type { EvalPoint, MetricPoint, TrainingEval } from '../shared/metrics';
import type { SharedSettings } from '../shared/settings';
import type { RunSpec } from './types';

export interface RunRecord {
  spec: RunSpec;
  /** Ascending by step. Losses may be NaN or ±Infinity once a run diverges. */
  points: MetricPoint[];
  /** Ascending by step. */
  validation: EvalPoint[];
  /** The whole (small) training set at the validation points; absent when it was not evaluated. */
  training?: TrainingEval[];
  test: EvalPoint | null;
  /**
   * The optimizer's instruments (steps 1…50, then every 10th), written by export; absent from files
   * and kept runs made before they existed, and not read back by import (curves only).
   */
  internals?: InternalsPoint[];
}

export const EXPORT_FORMAT = 'mnist-optimizer-playground';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  shared: SharedSettings;
  runs: RunRecord[];
}

export function makeExportFile(
  shared: SharedSettings,
  records: readonly RunRecord[],
  now = new Date(),
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    shared,
    runs: [...records],
  };
}
