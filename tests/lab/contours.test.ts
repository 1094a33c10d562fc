// Contour levels and bands: log-spaced where f spans decades, even where it does not, bands for every
// level on every surface, and the cache that keeps a live η change from recomputing them.
import { describe, expect, it } from 'vitest';
import { contourLevels, contourMap, LEVEL_COUNT } from '../../src/lab/contours';
import { plotOf } from '../../src/lab/plot';
import { surfaceOf, SURFACES } from '../../src/lab/surfaces';

describe('contourLevels', () => {
  it('spaces levels evenly in log(f − f*) where the values span decades', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 10 ** (i / 250)); // 1 … 10⁴
    const { levels, log } = contourLevels(values, 0, 5);
    expect(log).toBe(true);
    const ratios = levels.slice(1).map((l, i) => l / levels[i]!);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 9);
  });

  it('spaces them evenly where the values span less than two decades, offset by f*', () => {
    const values = Array.from({ length: 1000 }, (_, i) => -1 + 1 + i / 100); // f − f* from 0 to 10
    const { levels, log } = contourLevels(values, -1, 5);
    expect(log).toBe(false);
    const steps = levels.slice(1).map((l, i) => l - levels[i]!);
    for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 9);
    expect(levels[0]).toBeGreaterThan(-1);
  });
});

describe('contourMap', () => {
  it.each(SURFACES)('draws a band for every level on %s, lowest first, in plot coordinates', (name) => {
    const s = surfaceOf(name, 50);
    const plot = plotOf(s.frame);
    const map = contourMap(name, 50, plot);
    expect(map.bands).toHaveLength(LEVEL_COUNT);
    expect(map.bands.map((b) => b.level)).toEqual([...map.levels].sort((a, b) => a - b));
    for (const b of map.bands) expect(b.d).toMatch(/^M[-\d. ]+(L[-\d. ]+)+Z/);
    // Rosenbrock and the quadratic span decades on their boxes.
    if (name !== 'saddle') expect(map.log).toBe(true);
  });

  it('is computed once per surface, κ and size: the noisy quadratic shares the quadratic’s', () => {
    const plot = plotOf(surfaceOf('quadratic', 7).frame);
    const a = contourMap('quadratic', 7, plot);
    expect(contourMap('quadratic', 7, plot)).toBe(a);
    expect(contourMap('noisy-quadratic', 7, plot)).toBe(a);
    expect(contourMap('quadratic', 8, plot)).not.toBe(a);
    expect(contourMap('quadratic', 7, plotOf(plot.frame, 300))).not.toBe(a);
    // κ does not change Rosenbrock.
    const r = plotOf(surfaceOf('rosenbrock', 1).frame);
    expect(contourMap('rosenbrock', 1, r)).toBe(contourMap('rosenbrock', 999, r));
  });
});
