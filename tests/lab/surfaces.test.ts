// The surfaces as issue 10 defines them: gradients against central differences, the minima (and the
// saddle's stationary origin), and default starts inside the plotted box.
import { describe, expect, it } from 'vitest';
import { distanceToMinimum, surfaceOf, SURFACES } from '../../src/lab/surfaces';

const H = 1e-6;

describe.each(SURFACES)('%s', (name) => {
  const s = surfaceOf(name, 37);

  it('has the gradient of f (central differences at sample points)', () => {
    const g = new Float64Array(2);
    for (const [x, y] of [
      [-1.5, 2],
      [0.3, -0.7],
      [2, 1e-3],
      [-8, 1.5],
    ] as const) {
      s.grad(x, y, g);
      const dx = (s.f(x + H, y) - s.f(x - H, y)) / (2 * H);
      const dy = (s.f(x, y + H) - s.f(x, y - H)) / (2 * H);
      expect(g[0]).toBeCloseTo(dx, 3);
      expect(g[1]).toBeCloseTo(dy, 3);
    }
  });

  it('has zero gradient and f = f* at its minima, and f ≥ f* around them', () => {
    const g = new Float64Array(2);
    for (const [x, y] of s.minima) {
      s.grad(x, y, g);
      expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-12);
      expect(s.f(x, y)).toBeCloseTo(s.minValue, 12);
      for (const [dx, dy] of [
        [0.01, 0],
        [0, 0.01],
        [-0.01, -0.01],
      ] as const)
        expect(s.f(x + dx, y + dy)).toBeGreaterThan(s.minValue);
      expect(distanceToMinimum(s, x, y)).toBe(0);
    }
  });

  it('starts inside its box', () => {
    const [x, y] = s.start;
    expect(x).toBeGreaterThanOrEqual(s.frame.xMin);
    expect(x).toBeLessThanOrEqual(s.frame.xMax);
    expect(y).toBeGreaterThanOrEqual(s.frame.yMin);
    expect(y).toBeLessThanOrEqual(s.frame.yMax);
  });
});

it('defines each surface exactly as the issue does', () => {
  expect(surfaceOf('quadratic', 50).f(-8, 1.5)).toBe(0.5 * (64 + 50 * 2.25));
  expect(surfaceOf('rosenbrock', 50).f(-1.5, 2)).toBe(2.5 ** 2 + 100 * (2 - 2.25) ** 2);
  expect(surfaceOf('saddle', 50).f(0, Math.SQRT2)).toBeCloseTo(-1, 15);
  expect(surfaceOf('saddle', 50).saddles).toEqual([[0, 0]]);
  expect(surfaceOf('noisy-quadratic', 3).f(1, 2)).toBe(surfaceOf('quadratic', 3).f(1, 2));
  expect(surfaceOf('saddle', 1).start).toEqual([-2, 1e-3]);
  expect(surfaceOf('quadratic', 1).start).toEqual([-8, 1.5]);
  expect(surfaceOf('rosenbrock', 1).minima).toEqual([[1, 1]]);
});
