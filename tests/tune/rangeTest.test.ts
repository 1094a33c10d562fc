// The range test's pure parts: the geometric schedule, the debiased smoothing, the stop rule, and the
// suggestion read off a synthetic curve whose steepest fall is known.
import { describe, expect, it } from 'vitest';
import type { RangePoint } from '../../src/protocol';
import {
  RangeCurve,
  rangeRate,
  rangeSmoothing,
  slopeAt,
  slopeWindow,
  STOP_FACTOR,
  suggestRates,
} from '../../src/tune/rangeTest';
import { debiasedEma } from '../../src/tune/smoothing';

describe('rangeRate', () => {
  it('grows geometrically from 1e-6 to 10', () => {
    expect(rangeRate(0, 500)).toBe(1e-6);
    expect(rangeRate(499, 500)).toBeCloseTo(10, 10);
    const ratio = rangeRate(1, 500) / rangeRate(0, 500);
    expect(rangeRate(301, 500) / rangeRate(300, 500)).toBeCloseTo(ratio, 12);
    expect(ratio ** 499).toBeCloseTo(1e7, 0);
  });
});

describe('debiasedEma', () => {
  it('is the mean of a constant from the first value on, and follows a step', () => {
    expect(debiasedEma([2, 2, 2], 0.98)).toEqual([2, 2, 2].map(() => expect.closeTo(2, 12)));
    const s = debiasedEma([1, 3], 0.5);
    // m̂_2 = (0.5·0.5·1 + 0.5·3) / (1 − 0.25)
    expect(s[1]).toBeCloseTo((0.25 + 1.5) / 0.75, 12);
  });
  it('smooths over a tenth of the sweep: 0.98 at 500 steps, never below 0.9', () => {
    expect(rangeSmoothing(500)).toBeCloseTo(0.98, 12);
    expect(rangeSmoothing(150)).toBeCloseTo(1 - 10 / 150, 12);
    expect(rangeSmoothing(20)).toBe(0.9);
  });
});

describe('RangeCurve', () => {
  it('stops at the first step whose smoothed loss exceeds four times its minimum', () => {
    const curve = new RangeCurve(100);
    const losses = [...Array(40).fill(2), ...Array(20).fill(0.25), ...Array(40).fill(50)];
    let step = 0;
    for (const loss of losses) if (!curve.stopped) curve.add(++step, loss);
    const pts = curve.points;
    const min = Math.min(...pts.map((p) => p.smoothed));
    expect(pts.at(-1)!.smoothed).toBeGreaterThan(STOP_FACTOR * min);
    // Every earlier point stayed within four times the minimum so far.
    let low = Infinity;
    for (const p of pts.slice(0, -1)) {
      low = Math.min(low, p.smoothed);
      expect(p.smoothed).toBeLessThanOrEqual(STOP_FACTOR * low);
    }
    expect(pts.length).toBeLessThan(100);
    expect(curve.add(step + 1, 1)).toBeNull();
  });

  it('stops at a loss that is not finite, without recording it', () => {
    const curve = new RangeCurve(50);
    curve.add(1, 2.3);
    expect(curve.add(2, NaN)).toBeNull();
    expect(curve.stopped).toBe(true);
    expect(curve.points).toHaveLength(1);
  });
});

/** A smoothed loss that falls like a logistic step centred on ln η = `at`, then rises after `rise`. */
function syntheticCurve(steps: number, at: number, rise: number): RangePoint[] {
  return Array.from({ length: steps }, (_, k) => {
    const learningRate = rangeRate(k, steps);
    const x = Math.log(learningRate);
    const fall = 2.3 - 2 / (1 + Math.exp(-(x - at) / 0.6));
    const smoothed = fall + (x > rise ? (x - rise) ** 2 : 0);
    return { step: k + 1, learningRate, loss: smoothed, smoothed };
  });
}

describe('suggestRates', () => {
  it('finds where the curve falls fastest, below the η of its minimum, and a tenth of that η', () => {
    const at = Math.log(3e-3);
    const points = syntheticCurve(500, at, Math.log(0.1));
    const s = suggestRates(points, 500)!;
    // The logistic falls fastest at its centre: within one step of the schedule (a factor 1.033).
    expect(Math.abs(Math.log(s.steepest!) - at)).toBeLessThan(
      Math.log(rangeRate(1, 500) / rangeRate(0, 500)) * 1.01,
    );
    const min = points.reduce((a, p) => (p.smoothed < a.smoothed ? p : a));
    expect(s.atMinimum).toBe(min.learningRate);
    expect(s.tenthOfMinimum).toBeCloseTo(min.learningRate / 10, 15);
    expect(s.steepest!).toBeLessThan(s.atMinimum);
  });

  it('picks the most negative slope of the curve it is given', () => {
    const points = syntheticCurve(150, Math.log(1e-3), Math.log(0.3));
    const s = suggestRates(points, 150)!;
    const { h } = slopeWindow(150);
    const k = points.findIndex((p) => p.learningRate === s.steepest);
    const slopes = points.slice(h, points.length - h).map((_, i) => slopeAt(points, i + h, h));
    expect(slopeAt(points, k, h)).toBe(Math.min(...slopes));
  });

  it('has no steepest fall for a curve that never falls, and nothing for too few points', () => {
    const flat = Array.from({ length: 60 }, (_, k) => ({
      step: k + 1,
      learningRate: rangeRate(k, 60),
      loss: 2.3 + k * 0.01,
      smoothed: 2.3 + k * 0.01,
    }));
    expect(suggestRates(flat, 60)?.steepest).toBeNull();
    expect(suggestRates(flat.slice(0, 2), 60)).toBeNull();
  });
});
