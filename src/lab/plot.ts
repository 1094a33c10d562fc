// Where a point of the plane lands on the lab's plot: a fixed-width drawing whose height keeps the
// surface's box at equal scales on both axes, y up. The SVG's viewBox is this drawing; CSS scales it.
import type { Frame } from './surfaces';

/** Drawing units across; the SVG scales to its container, so this only sets the grain of the paths. */
export const PLOT_WIDTH = 600;
/** Plot coordinates are kept within this many plot widths of the box, so runaway paths stay drawable. */
const CLAMP_WIDTHS = 20;

export interface Plot {
  frame: Frame;
  width: number;
  height: number;
}

export function plotOf(frame: Frame, width = PLOT_WIDTH): Plot {
  const height = (width * (frame.yMax - frame.yMin)) / (frame.xMax - frame.xMin);
  return { frame, width, height };
}

const clampTo = (v: number, size: number) =>
  Math.max(-CLAMP_WIDTHS * size, Math.min((CLAMP_WIDTHS + 1) * size, v));

export function toPlotX(p: Plot, x: number): number {
  return clampTo(((x - p.frame.xMin) / (p.frame.xMax - p.frame.xMin)) * p.width, p.width);
}
export function toPlotY(p: Plot, y: number): number {
  return clampTo(((p.frame.yMax - y) / (p.frame.yMax - p.frame.yMin)) * p.height, p.width);
}

/** The point of the plane at plot coordinates (px, py). */
export function fromPlot(p: Plot, px: number, py: number): [x: number, y: number] {
  const { xMin, xMax, yMin, yMax } = p.frame;
  return [xMin + (px / p.width) * (xMax - xMin), yMax - (py / p.height) * (yMax - yMin)];
}

/** One decimal of a drawing unit is far below a pixel, and keeps 2,000-point paths short. */
const r1 = (v: number) => Math.round(v * 10) / 10;

/** An SVG path through the first `count` points: the line a run walked. */
export function lineData(p: Plot, xs: ArrayLike<number>, ys: ArrayLike<number>, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++)
    parts.push(`${i === 0 ? 'M' : 'L'}${r1(toPlotX(p, xs[i]!))} ${r1(toPlotY(p, ys[i]!))}`);
  return parts.join('');
}

/** Dots closer than this (drawing units, about a pixel) to the last one drawn would only cover it. */
const DOT_SPACING = 1;
/** An octagon of radius 1.7 drawing units, about a circle 4 px across, from its left edge's top corner. */
const DOT_SHAPE = 'l1 -1h1.4l1 1v1.4l-1 1h-1.4l-1 -1z';

/**
 * One dot per point as a single filled SVG path of small octagons: four elements rather than 8,000,
 * and filled shapes, which paint about ten times faster than round caps on zero-length segments. A
 * dot within DOT_SPACING of the last one drawn is left out: near a minimum hundreds of steps pile
 * onto one spot.
 */
export function dotsData(p: Plot, xs: ArrayLike<number>, ys: ArrayLike<number>, count: number): string {
  const parts: string[] = [];
  let [lastX, lastY] = [Infinity, Infinity];
  for (let i = 0; i < count; i++) {
    const [px, py] = [toPlotX(p, xs[i]!), toPlotY(p, ys[i]!)];
    if (Math.abs(px - lastX) < DOT_SPACING && Math.abs(py - lastY) < DOT_SPACING) continue;
    [lastX, lastY] = [px, py];
    parts.push(`M${r1(px - 1.7)} ${r1(py - 0.7)}${DOT_SHAPE}`);
  }
  return parts.join('');
}
