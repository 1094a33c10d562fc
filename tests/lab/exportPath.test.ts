// "Export path JSON": the documented shape, step 0 the start, one entry per visible run in order,
// and a path that ran away ending at its last finite point.
import { describe, expect, it } from 'vitest';
import { buildPathExport, pathExportJson, pathExportName } from '../../src/lab/exportPath';
import { computePaths } from '../../src/lab/paths';
import { hyperParamsOf } from '../../src/shared/settings';
import { makeLab, makeRun } from './fixtures';

describe('the path export', () => {
  const runs = [
    makeRun({ optimizer: 'sgd', learningRate: 0.001 }, [], 'a'),
    { ...makeRun({ optimizer: 'momentum' }, [], 'hidden'), hidden: true },
    makeRun({ optimizer: 'adam', learningRate: 0.05 }, [], 'b'),
  ];
  const lab = makeLab('rosenbrock', { steps: 25 });
  const paths = computePaths(runs, lab, 1);

  it('has the documented shape, step 0 the start', () => {
    const e = buildPathExport(lab, runs, paths);
    expect(Object.keys(e)).toEqual(['surface', 'kappa', 'noise', 'eta', 'start', 'runs']);
    expect(e).toMatchObject({ surface: 'rosenbrock', kappa: 50, noise: 1, eta: 'surface', start: [-1.5, 2] });
    // On Rosenbrock SGD keeps its own η (nothing larger is stable there); Adam's is 200 times its own.
    expect(e.runs.map((r) => r.labLearningRate)).toEqual([0.001, expect.closeTo(10, 12)]);
    expect(e.runs.map((r) => r.name)).toEqual([runs[0]!.name, runs[2]!.name]);
    for (const [i, r] of e.runs.entries()) {
      const run = runs[i === 0 ? 0 : 2]!;
      expect(Object.keys(r)).toEqual(['name', 'optimizer', 'hyper', 'labLearningRate', 'points']);
      expect(r.optimizer).toBe(run.initial.optimizer);
      expect(r.hyper).toEqual(hyperParamsOf(run.initial));
      expect(r.points).toHaveLength(26);
      expect(r.points[0]).toEqual({ step: 0, x: -1.5, y: 2, loss: 2.5 ** 2 + 100 * 0.25 ** 2 });
      expect(r.points.map((p) => p.step)).toEqual(Array.from({ length: 26 }, (_, t) => t));
      expect(Object.keys(r.points[25]!)).toEqual(['step', 'x', 'y', 'loss']);
      expect(r.points[25]).toEqual({
        step: 25,
        x: paths[i]!.xs[25],
        y: paths[i]!.ys[25],
        loss: paths[i]!.losses[25],
      });
    }
  });

  it('is JSON that reads back as the same export, with a file name naming the surface', () => {
    const e = buildPathExport(lab, runs, paths);
    expect(JSON.parse(pathExportJson(e))).toEqual(e);
    expect(pathExportName(lab, '2024-05-01-14-03-22')).toBe('lab-rosenbrock-2024-05-01-14-03-22.json');
  });

  it('ends a runaway path at its last finite point', () => {
    const wild = [makeRun({ optimizer: 'sgd', learningRate: 0.1 })];
    const quad = makeLab('quadratic', { kappa: 1000, steps: 2000 });
    const e = buildPathExport(quad, wild, computePaths(wild, quad, 1));
    const points = e.runs[0]!.points;
    expect(points.length).toBeLessThan(100);
    expect(points.every((p) => [p.x, p.y, p.loss].every(Number.isFinite))).toBe(true);
  });
});
