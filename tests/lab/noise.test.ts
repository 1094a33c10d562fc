// The noisy quadratic's gradient noise: drawn from the experiment's seed, the same for every run,
// reproducible, different between seeds, and standard normal before it is scaled by σ.
import { describe, expect, it } from 'vitest';
import { gradientNoise } from '../../src/lab/noise';
import { computePaths } from '../../src/lab/paths';
import { MAX_LAB_STEPS } from '../../src/lab/settings';
import { makeLab, makeRun } from './fixtures';

describe('gradient noise', () => {
  it('is reproducible from the seed and differs between seeds', () => {
    const run = makeRun({ optimizer: 'sgd', learningRate: 0.01 });
    const lab = makeLab('noisy-quadratic', { noise: 2, steps: 100 });
    const [a] = computePaths([run], lab, 5);
    const [b] = computePaths([run], lab, 5);
    const [c] = computePaths([run], lab, 6);
    expect(b!.xs).toEqual(a!.xs);
    expect(c!.xs).not.toEqual(a!.xs);
    // Drawn afresh once other seeds have pushed it out of the cache, the same seed gives the same draws.
    const first = gradientNoise(5);
    for (let seed = 100; seed < 120; seed++) gradientNoise(seed);
    const again = gradientNoise(5);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('is standard normal before scaling: mean ≈ 0, variance ≈ 1 over 4,000 draws', () => {
    const z = gradientNoise(1);
    expect(z.length).toBe(2 * MAX_LAB_STEPS);
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.06);
    expect(Math.abs(variance - 1)).toBeLessThan(0.08);
  });

  it('adds σ·z_t to the gradient at step t: one SGD step moves by η·(∇f + σ·z_1)', () => {
    const lab = makeLab('noisy-quadratic', { eta: 'run', noise: 3, steps: 1 });
    const [p] = computePaths([makeRun({ optimizer: 'sgd', learningRate: 0.01 })], lab, 9);
    const z = gradientNoise(9);
    expect(p!.xs[1]).toBeCloseTo(lab.x0 - 0.01 * (lab.x0 + 3 * z[0]!), 14);
    expect(p!.ys[1]).toBeCloseTo(lab.y0 - 0.01 * (lab.kappa * lab.y0 + 3 * z[1]!), 14);
  });

  it('is the same draw for every run, and absent on the plain quadratic or at σ = 0', () => {
    const runs = [
      makeRun({ optimizer: 'sgd', learningRate: 0.01 }, [], 'a'),
      makeRun({ optimizer: 'sgd', learningRate: 0.01 }, [], 'b'),
    ];
    const [a, b] = computePaths(runs, makeLab('noisy-quadratic', { steps: 50 }), 3);
    expect(b!.xs).toEqual(a!.xs);
    const [plain] = computePaths(runs, makeLab('quadratic', { steps: 50 }), 3);
    const [silent] = computePaths(runs, makeLab('noisy-quadratic', { noise: 0, steps: 50 }), 3);
    expect(silent!.xs).toEqual(plain!.xs);
    expect(a!.xs).not.toEqual(plain!.xs);
  });
});
