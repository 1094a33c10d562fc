// A path next to the run that walked it: what the plot, the loss chart and the summary draw.
import type { RunSpec } from '../experiment/types';
import type { LabPath } from './paths';

export interface DrawnPath {
  run: RunSpec;
  path: LabPath;
}

/** Pairs each path (computePaths: one per visible run) with its run. */
export function drawnPaths(runs: readonly RunSpec[], paths: readonly LabPath[]): DrawnPath[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  return paths.flatMap((path) => {
    const run = byId.get(path.runId);
    return run ? [{ run, path }] : [];
  });
}
