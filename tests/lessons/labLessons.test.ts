// The two lessons that walk the 2-D lab: opened through their links exactly as the page opens them,
// their paths (the lab's own computation) show what their words promise.
import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../src/client/urlState';
import { computePaths, type LabPath } from '../../src/lab/paths';
import { distanceToMinimum, surfaceOf } from '../../src/lab/surfaces';
import { lessonById } from '../../src/lessons/lessons';
import { partHash } from '../../src/lessons/navigate';

function open(id: string) {
  const lesson = lessonById(id)!;
  const parsed = parseLocation(partHash(lesson, lesson.parts[0]!, 'default'));
  expect(parsed.notices).toEqual([]);
  expect(parsed.page.view).toBe('lab');
  const { runs, shared } = parsed.experiment;
  return { lab: parsed.lab, runs, paths: computePaths(runs, parsed.lab, shared.seed) };
}

const point = (p: LabPath, t: number) => ({ x: p.xs[t]!, y: p.ys[t]! });

describe('lab lessons', () => {
  it('lab-ill-conditioned: at η just under 2/κ, momentum reaches the minimum while SGD crawls along x', () => {
    const { lab, runs, paths } = open('lab-ill-conditioned');
    expect(lab).toMatchObject({ surface: 'quadratic', kappa: 100, steps: 300 });
    expect(runs.map((r) => r.initial.optimizer)).toEqual(['sgd', 'momentum']);
    const eta = runs[0]!.initial.learningRate;
    expect(eta).toBeLessThan(2 / lab.kappa);
    const surface = surfaceOf(lab.surface, lab.kappa);
    const [sgd, momentum] = paths.map((p) => {
      const { x, y } = point(p, lab.steps);
      return distanceToMinimum(surface, x, y);
    });
    // "after 300 steps SGD is still about 0.03 from the minimum, momentum under 0.000001"
    expect(sgd).toBeGreaterThan(0.02);
    expect(sgd).toBeLessThan(0.04);
    expect(momentum).toBeLessThan(1e-6);
    // SGD's y settles fast (|1 − ηκ| = 0.9), its x shrinks 1.9% a step: (1 − η)^t.
    expect(Math.abs(paths[0]!.xs[100]!)).toBeCloseTo(8 * (1 - eta) ** 100, 10);
    // Just above 2/κ, SGD's y grows: the path leaves the valley.
    const faster = runs.map((r, i) =>
      i === 0 ? { ...r, initial: { ...r.initial, learningRate: 2.1 / lab.kappa } } : r,
    );
    const unstable = computePaths(faster, lab, 1)[0]!;
    expect(Math.abs(unstable.ys[50]!)).toBeGreaterThan(Math.abs(lab.y0));
  });

  it('lab-saddle: Adam leaves the saddle within about 25 steps, SGD only after about 160; both reach (0, √2)', () => {
    const { lab, runs, paths } = open('lab-saddle');
    expect(lab).toMatchObject({ surface: 'saddle', x0: -2, y0: 1e-3, steps: 300 });
    expect(runs.map((r) => r.initial.optimizer)).toEqual(['sgd', 'adam']);
    const escape = (p: LabPath) => {
      for (let t = 0; t < p.count; t++) if (Math.abs(p.ys[t]!) > 0.5) return t;
      return Infinity;
    };
    const [sgd, adam] = paths.map(escape);
    expect(adam).toBeLessThanOrEqual(30);
    expect(sgd).toBeGreaterThanOrEqual(140);
    expect(sgd).toBeLessThanOrEqual(180);
    for (const p of paths) {
      const end = point(p, p.count - 1);
      expect(end.x).toBeCloseTo(0, 3);
      expect(end.y).toBeCloseTo(Math.SQRT2, 3);
      expect(p.losses[p.count - 1]).toBeCloseTo(-1, 5);
    }
  });
});
