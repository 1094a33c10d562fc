// The lab's own rates: the first view (the default run, Adam at MNIST's η 0.001, opened in the lab)
// takes a path that reaches the minimum, where at MNIST's η it covered 4% of the way; every optimizer
// at MNIST's default walks each surface without diverging; and a run's η still scales its lab η.
import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../src/client/urlState';
import { computePaths, type LabPath } from '../../src/lab/paths';
import { labRate, MNIST_DEFAULT_ETA, rateFactor } from '../../src/lab/rates';
import { defaultLab, labRange, type LabSettings } from '../../src/lab/settings';
import { distanceToMinimum, surfaceOf, SURFACES } from '../../src/lab/surfaces';
import { OPTIMIZERS } from '../../src/shared/settings';
import { makeLab, makeRun } from './fixtures';

/** The share of the start's distance to the minimum that the path's last point has covered. */
function covered(path: LabPath, lab: LabSettings): number {
  const surface = surfaceOf(lab.surface, lab.kappa);
  const t = path.count - 1;
  const d0 = distanceToMinimum(surface, lab.x0, lab.y0);
  return 1 - distanceToMinimum(surface, path.xs[t]!, path.ys[t]!) / d0;
}

describe('the first view', () => {
  const opened = parseLocation('#view=lab');
  const { lab } = opened;
  const runs = opened.experiment.runs;

  it('is the default run, Adam at MNIST’s η 0.001, on the quadratic at rates suited to it', () => {
    expect(runs.map((r) => [r.initial.optimizer, r.initial.learningRate])).toEqual([['adam', 0.001]]);
    expect(lab).toEqual(defaultLab());
    expect(lab).toMatchObject({ surface: 'quadratic', eta: 'surface', steps: 300 });
    expect(labRate(runs[0]!.initial, lab)).toBeCloseTo(0.1, 15);
  });

  it('reaches the minimum within its 300 steps, where MNIST’s η covered 4% of the way', () => {
    const [path] = computePaths(runs, lab, 1);
    const [before] = computePaths(runs, { ...lab, eta: 'run' }, 1);
    // Measured: 4.2% of the way at η 0.001; 4.6·10⁻⁶ from the minimum at the lab's 0.1.
    expect(covered(before!, lab)).toBeLessThan(0.05);
    expect(path!.stop).toBeNull();
    const surface = surfaceOf(lab.surface, lab.kappa);
    const end = distanceToMinimum(surface, path!.xs[300]!, path!.ys[300]!);
    expect(end).toBeLessThan(1e-4);
    // A path to look at, not a jump: a tenth of the distance is left only after step 100.
    const d0 = distanceToMinimum(surface, lab.x0, lab.y0);
    const tenth = path!.xs.findIndex((x, t) => distanceToMinimum(surface, x, path!.ys[t]!) < d0 / 10);
    expect(tenth).toBeGreaterThan(100);
    expect(tenth).toBeLessThan(150);
  });

  it('gets somewhere on every surface: at least two thirds of the way (Rosenbrock: 1.7% at MNIST’s η)', () => {
    for (const surface of SURFACES) {
      const l = makeLab(surface);
      const [path] = computePaths(runs, l, 1);
      const [before] = computePaths(runs, { ...l, eta: 'run' }, 1);
      expect(covered(path!, l), surface).toBeGreaterThan(2 / 3);
      expect(covered(path!, l) - covered(before!, l), surface).toBeGreaterThan(0.5);
    }
  });
});

describe('the suited rates', () => {
  it('let every optimizer at MNIST’s default walk every surface without diverging', () => {
    const runs = OPTIMIZERS.map((o) => makeRun({ optimizer: o }, [], o));
    for (const surface of SURFACES)
      for (const kappa of surface.includes('quadratic') ? [1, 50, 1000] : [50]) {
        for (const path of computePaths(runs, makeLab(surface, { kappa }), 1)) {
          expect(path.stop, `${path.runId} on ${surface}, κ ${kappa}`).toBeNull();
          expect(covered(path, makeLab(surface)), `${path.runId} on ${surface}`).toBeGreaterThan(0.1);
        }
      }
  });

  it('keep SGD under 2/κ on the quadratics at every κ: its rate follows 1/κ', () => {
    const { min, max } = labRange('kappa', 'quadratic');
    for (const kappa of [min, 3.16, 50, 316, max]) {
      const lab = makeLab('quadratic', { kappa });
      expect(labRate(makeRun({ optimizer: 'sgd' }).initial, lab) * kappa).toBeCloseTo(1, 12);
      expect(rateFactor('adam', lab)).toBe(100);
    }
  });

  it('scale with the run’s η, and are the run’s own η under eta=run', () => {
    const lab = makeLab('saddle');
    const at = (eta: number) => labRate(makeRun({ optimizer: 'rmsprop', learningRate: eta }).initial, lab);
    expect(at(MNIST_DEFAULT_ETA)).toBeCloseTo(0.005, 15);
    expect(at(0.004)).toBeCloseTo(4 * at(MNIST_DEFAULT_ETA), 15);
    for (const optimizer of OPTIMIZERS) expect(rateFactor(optimizer, { ...lab, eta: 'run' })).toBe(1);
    const own = makeRun({ optimizer: 'adam', learningRate: 0.02 });
    const [a] = computePaths([own], { ...lab, eta: 'run' }, 1);
    const [b] = computePaths([{ ...own, initial: { ...own.initial, learningRate: 0.02 / 20 } }], lab, 1);
    // Adam's factor on the saddle is 20: η 0.001 there walks exactly as η 0.02 at its own rate.
    expect(rateFactor('adam', lab)).toBe(20);
    expect(b!.xs).toEqual(a!.xs);
  });
});
