// Chart rows for each run, rebuilt only for runs whose data grew or whose drawing options changed,
// so overlaid finished runs cost nothing while the live run updates several times a second. A run's
// training line is kept between redraws and extended with the new points only (trainLine.ts).
import { useMemo } from 'react';
import type { MetricPoints } from '../shared/pointColumns';
import { evalRows, trainLineFor, type RowOptions, type RunSeries } from './series';
import type { TrainLine } from './trainLine';
import type { ChartRun } from './types';

interface Entry {
  /** The run's training line at this smoothing: extended, never rebuilt, while points are appended. */
  line: TrainLine;
  validation: ChartRun['validation'];
  training: ChartRun['training'];
  pointCount: number;
  validationCount: number;
  trainingCount: number;
  smoothing: number;
  logScale: boolean;
  series: RunSeries;
}

// Keyed by the points array itself: the session appends to it in place, so identity plus length
// tells whether anything new arrived. One map per metric, as the two charts share the arrays.
const caches: Record<RowOptions['metric'], WeakMap<MetricPoints, Entry>> = {
  loss: new WeakMap(),
  accuracy: new WeakMap(),
};

export function runSeries(run: ChartRun, opts: RowOptions): RunSeries {
  const cache = caches[opts.metric];
  const logScale = opts.logScale ?? false;
  const hit = cache.get(run.points);
  const trainingCount = run.training?.length ?? 0;
  const sameTraining = hit?.training === run.training && hit?.trainingCount === trainingCount;
  if (
    hit &&
    sameTraining &&
    hit.validation === run.validation &&
    hit.pointCount === run.points.length &&
    hit.validationCount === run.validation.length &&
    hit.smoothing === opts.smoothing &&
    hit.logScale === logScale
  ) {
    return hit.series;
  }
  const line = hit && hit.smoothing === opts.smoothing ? hit.line : trainLineFor(opts);
  line.update(run.points);
  // New training points alone leave the evaluation lines as they were: kept, not rebuilt.
  const keep = hit !== undefined && hit.logScale === logScale;
  const sameValidation = hit?.validation === run.validation && hit.validationCount === run.validation.length;
  const series: RunSeries = {
    train: line.rows(logScale),
    val: keep && sameValidation ? hit.series.val : evalRows(run.validation, 'val', opts),
    whole: keep && sameTraining ? hit.series.whole : evalRows(run.training ?? [], 'whole', opts),
    divergedAt: line.divergedAt,
  };
  cache.set(run.points, {
    line,
    validation: run.validation,
    training: run.training,
    pointCount: run.points.length,
    validationCount: run.validation.length,
    trainingCount,
    smoothing: opts.smoothing,
    logScale,
    series,
  });
  return series;
}

/**
 * Series per run, in the order of `runs`. Notices points appended in place by their count; a
 * caller that also changes values in place must bump `version`.
 */
export function useRunSeries(
  runs: readonly ChartRun[],
  metric: RowOptions['metric'],
  smoothing: number,
  logScale: boolean,
  version: number | undefined,
): RunSeries[] {
  const sizes = runs
    .map((r) => `${r.points.length}/${r.validation.length}/${r.training?.length ?? 0}`)
    .join(',');
  return useMemo(() => {
    // Only dependencies: runSeries' own check by identity and length decides what to rebuild.
    void version;
    void sizes;
    return runs.map((run) => runSeries(run, { metric, smoothing, logScale }));
  }, [runs, metric, smoothing, logScale, version, sizes]);
}
