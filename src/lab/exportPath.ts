// "Export path JSON": the lab's surface, start and every run's path as plain data, step 0 the start,
// so a path can be checked or redrawn outside the page.
import type { RunSpec } from '../experiment/types';
import { hyperParamsOf, type HyperParams, type OptimizerName } from '../shared/settings';
import type { LabPath } from './paths';
import { labRate } from './rates';
import type { LabEta, LabSettings } from './settings';
import type { SurfaceName } from './surfaces';

export interface PathPoint {
  step: number;
  x: number;
  y: number;
  loss: number;
}

export interface ExportedPath {
  name: string;
  /** The run's settings at step 1; its live changes are in the experiment link. */
  optimizer: OptimizerName;
  hyper: HyperParams;
  /** The η the lab walked with at step 1, before the schedule's factor (rates.ts). */
  labLearningRate: number;
  /** Step 0 (the start) to the last step, or to the last finite step of a path that ran away. */
  points: PathPoint[];
}

export interface PathExport {
  surface: SurfaceName;
  kappa: number;
  noise: number;
  /** Whether the runs walked at rates suited to the surface or at their own η. */
  eta: LabEta;
  start: [x0: number, y0: number];
  runs: ExportedPath[];
}

/** The export of `paths` (from computePaths: one per visible run, in order) over `runs`. */
export function buildPathExport(
  lab: LabSettings,
  runs: readonly RunSpec[],
  paths: readonly LabPath[],
): PathExport {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const exported = paths.flatMap((p): ExportedPath[] => {
    const run = byId.get(p.runId);
    if (!run) return [];
    const points = Array.from({ length: p.count }, (_, i) => ({
      step: i,
      x: p.xs[i]!,
      y: p.ys[i]!,
      loss: p.losses[i]!,
    }));
    return [
      {
        name: run.name,
        optimizer: run.initial.optimizer,
        hyper: hyperParamsOf(run.initial),
        labLearningRate: labRate(run.initial, lab),
        points,
      },
    ];
  });
  return {
    surface: lab.surface,
    kappa: lab.kappa,
    noise: lab.noise,
    eta: lab.eta,
    start: [lab.x0, lab.y0],
    runs: exported,
  };
}

/** The export as the file's text. */
export function pathExportJson(e: PathExport): string {
  // One line: four paths of 2,000 points indented would be some 50,000 lines.
  return `${JSON.stringify(e)}\n`;
}

/** e.g. lab-rosenbrock-2024-05-01-14-03-22.json, given the time stamp. */
export function pathExportName(lab: LabSettings, stamp: string): string {
  return `lab-${lab.surface}-${stamp}.json`;
}
