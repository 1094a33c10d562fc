// The lab's surfaces, each defined exactly as issue 10 states them so others can reproduce a path:
// f, its gradient, the minima, the box the plot shows and the default start.

export const SURFACES = ['quadratic', 'rosenbrock', 'saddle', 'noisy-quadratic'] as const;
export type SurfaceName = (typeof SURFACES)[number];

/** The part of the plane a plot shows; a start point must lie inside it. */
export interface Frame {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export type Point = readonly [x: number, y: number];

export interface Surface {
  name: SurfaceName;
  f(x: number, y: number): number;
  /** ∇f(x, y) written into `out` ([∂f/∂x, ∂f/∂y]); no allocation, it runs 8,000 times per redraw. */
  grad(x: number, y: number, out: Float64Array): void;
  /** Every global minimum (the saddle surface has two). */
  minima: readonly Point[];
  /** f at the minima, f*. */
  minValue: number;
  /** Stationary points that are not minima, marked differently (the saddle's origin). */
  saddles: readonly Point[];
  frame: Frame;
  start: Point;
  /** Whether the lab adds Gaussian noise of standard deviation σ to each gradient component. */
  noisy: boolean;
  /** Whether f depends on the condition number κ. */
  usesKappa: boolean;
}

// The quadratic's box is twice as wide as high, so with equal scales the ill-conditioned valley
// (along x) fills the plot; the others are near-square around their interesting region.
const QUADRATIC_FRAME: Frame = { xMin: -10, xMax: 10, yMin: -5, yMax: 5 };

/** f(x, y) = ½(x² + κ·y²): minimum (0, 0); κ is the ratio of the curvatures along y and x. */
function quadratic(kappa: number, noisy: boolean): Surface {
  return {
    name: noisy ? 'noisy-quadratic' : 'quadratic',
    f: (x, y) => 0.5 * (x * x + kappa * y * y),
    grad: (x, y, out) => {
      out[0] = x;
      out[1] = kappa * y;
    },
    minima: [[0, 0]],
    minValue: 0,
    saddles: [],
    frame: QUADRATIC_FRAME,
    start: [-8, 1.5],
    noisy,
    usesKappa: true,
  };
}

/** f = (1 − x)² + 100·(y − x²)²: minimum (1, 1) at the end of a long curved valley. */
const ROSENBROCK: Surface = {
  name: 'rosenbrock',
  f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: (x, y, out) => {
    const r = y - x * x;
    out[0] = -2 * (1 - x) - 400 * x * r;
    out[1] = 200 * r;
  },
  minima: [[1, 1]],
  minValue: 0,
  saddles: [],
  frame: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  start: [-1.5, 2],
  noisy: false,
  usesKappa: false,
};

/**
 * f = x² − y² + y⁴/4: a saddle at (0, 0) and minima at (0, ±√2) where f = −1. From (−2, 10⁻³) plain
 * gradient descent runs into the saddle and lingers there while y grows slowly.
 */
const SADDLE: Surface = {
  name: 'saddle',
  f: (x, y) => x * x - y * y + (y * y * y * y) / 4,
  grad: (x, y, out) => {
    out[0] = 2 * x;
    out[1] = -2 * y + y * y * y;
  },
  minima: [
    [0, Math.SQRT2],
    [0, -Math.SQRT2],
  ],
  minValue: -1,
  saddles: [[0, 0]],
  frame: { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5 },
  start: [-2, 1e-3],
  noisy: false,
  usesKappa: false,
};

/** The surface `name`; κ matters to the two quadratics only. */
export function surfaceOf(name: SurfaceName, kappa: number): Surface {
  switch (name) {
    case 'quadratic':
      return quadratic(kappa, false);
    case 'noisy-quadratic':
      return quadratic(kappa, true);
    case 'rosenbrock':
      return ROSENBROCK;
    case 'saddle':
      return SADDLE;
    default: {
      const never: never = name;
      throw new RangeError(`unknown surface ${String(never)}`);
    }
  }
}

/** Euclidean distance from (x, y) to the nearest minimum of `s`. */
export function distanceToMinimum(s: Surface, x: number, y: number): number {
  return Math.min(...s.minima.map(([mx, my]) => Math.hypot(x - mx, y - my)));
}

export function isSurfaceName(s: string): s is SurfaceName {
  return (SURFACES as readonly string[]).includes(s);
}
