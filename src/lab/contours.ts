// The surface's filled contour bands (d3-contour's marching squares on a grid of f), with levels
// spaced logarithmically where f spans decades. Cached per surface, κ and size: a live change of η
// redraws the paths only, never the bands.
import { contours } from 'd3-contour';
import type { Plot } from './plot';
import { surfaceOf, type SurfaceName } from './surfaces';

/** Samples across the plot; the bands are smoothed between samples, so this is plenty at any size. */
export const GRID_SAMPLES = 121;
export const LEVEL_COUNT = 12;
/** Levels are log-spaced when the 99th percentile of f − f* is at least this many times the 1st. */
const DECADES_RATIO = 100;

export interface ContourBand {
  /** f on the band's boundary: the band is the region where f ≥ level. */
  level: number;
  /** SVG path in plot coordinates (fill rule even-odd: holes are rings of their own). */
  d: string;
}

export interface ContourMap {
  levels: number[];
  log: boolean;
  /** From the lowest level up; drawn in order, each higher band lies on the ones below. */
  bands: ContourBand[];
}

/** The value at quantile q of sorted values. */
const quantile = (sorted: Float64Array, q: number) => sorted[Math.round(q * (sorted.length - 1))]!;

/**
 * `count` levels of f covering the bulk of `values` (f − f* ≥ 0 at grid points, f* = `minValue`):
 * log-spaced between the 1st and 99th percentiles of f − f* when they are two decades or more apart,
 * evenly spaced between them otherwise.
 */
export function contourLevels(
  values: ArrayLike<number>,
  minValue: number,
  count = LEVEL_COUNT,
): { levels: number[]; log: boolean } {
  const gaps = Float64Array.from(values, (v) => Math.max(v - minValue, 0)).sort();
  const lo = Math.max(quantile(gaps, 0.01), Number.MIN_VALUE);
  const hi = Math.max(quantile(gaps, 0.99), lo * (1 + 1e-9));
  const log = hi / lo >= DECADES_RATIO;
  const levels = Array.from({ length: count }, (_, k) => {
    const t = k / (count - 1);
    return minValue + (log ? lo * (hi / lo) ** t : lo + (hi - lo) * t);
  });
  return { levels, log };
}

/** A MultiPolygon's rings as one SVG path, from d3's grid coordinates (sample i at i + ½) to the plot's. */
function ringsData(polygons: number[][][][], sx: number, sy: number): string {
  const parts: string[] = [];
  for (const polygon of polygons)
    for (const ring of polygon) {
      ring.forEach(([gx, gy], i) =>
        parts.push(
          `${i === 0 ? 'M' : 'L'}${Math.round((gx! - 0.5) * sx * 10) / 10} ${Math.round((gy! - 0.5) * sy * 10) / 10}`,
        ),
      );
      parts.push('Z');
    }
  return parts.join('');
}

/** f sampled on the plot's grid, row 0 at the top (y = yMax), as d3-contour reads it. */
function sampleGrid(surface: SurfaceName, kappa: number, nx: number, ny: number): number[] {
  const s = surfaceOf(surface, kappa);
  const { xMin, xMax, yMin, yMax } = s.frame;
  const values = new Array<number>(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = yMax - (j / (ny - 1)) * (yMax - yMin);
    for (let i = 0; i < nx; i++) values[j * nx + i] = s.f(xMin + (i / (nx - 1)) * (xMax - xMin), y);
  }
  return values;
}

const cache = new Map<string, ContourMap>();
const MAX_CACHED = 16;

/** The bands of `surface` (κ where it matters) on `plot`, computed once per surface, κ and size. */
export function contourMap(surface: SurfaceName, kappa: number, plot: Plot): ContourMap {
  const s = surfaceOf(surface, kappa);
  const nx = GRID_SAMPLES;
  const ny = Math.max(2, Math.round((GRID_SAMPLES - 1) * (plot.height / plot.width)) + 1);
  // The noisy quadratic draws the quadratic's f.
  const shape = s.usesKappa ? `quadratic:${kappa}` : surface;
  const key = `${shape}|${nx}x${ny}|${plot.width}x${plot.height}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const values = sampleGrid(surface, kappa, nx, ny);
  const { levels, log } = contourLevels(values, s.minValue);
  const sx = plot.width / (nx - 1);
  const sy = plot.height / (ny - 1);
  const generator = contours().size([nx, ny]).thresholds(levels);
  const bands = generator(values).map((c) => ({ level: c.value, d: ringsData(c.coordinates, sx, sy) }));
  const map = { levels, log, bands };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, map);
  return map;
}
