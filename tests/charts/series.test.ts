// The chart data helpers: smoothing, downsampling, epoch lines and log-axis cleanup.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { downsample, downsampleIndices, ema, epochBoundaries, plottable } from '../../src/charts/series';

describe('ema', () => {
  it('matches a hand computation with debiasing', () => {
    // s = 0.5: running sums 1, 1.5, 2.75 divided by 1 − 0.5^n = 0.5, 0.75, 0.875.
    const out = ema([2, 2, 4], 0.5);
    expect(out[0]).toBeCloseTo(2, 12);
    expect(out[1]).toBeCloseTo(2, 12);
    expect(out[2]).toBeCloseTo(2.75 / 0.875, 12);
  });

  it('returns the raw values at smoothing 0 and a constant series unchanged at any smoothing', () => {
    expect(Array.from(ema([3, 1, 4, 1, 5], 0))).toEqual([3, 1, 4, 1, 5]);
    for (const v of ema(new Array(50).fill(0.7), 0.99)) expect(v).toBeCloseTo(0.7, 12);
  });

  it('skips non-finite values without poisoning the rest', () => {
    const gappy = ema([1, NaN, 3, Infinity, 5], 0.5);
    const clean = ema([1, 3, 5], 0.5);
    expect(Number.isNaN(gappy[1])).toBe(true);
    expect(Number.isNaN(gappy[3])).toBe(true);
    expect(gappy[0]).toBeCloseTo(clean[0]!, 12);
    expect(gappy[2]).toBeCloseTo(clean[1]!, 12);
    expect(gappy[4]).toBeCloseTo(clean[2]!, 12);
  });

  it('clamps smoothing to [0, 0.999] so the average still moves', () => {
    expect(Array.from(ema([1, 2], 2))).toEqual(Array.from(ema([1, 2], 0.999)));
    expect(Array.from(ema([1, 2], -1))).toEqual([1, 2]);
    expect(Array.from(ema([1, 2], NaN))).toEqual([1, 2]);
  });

  it('handles empty input and typed arrays', () => {
    expect(ema([], 0.9)).toHaveLength(0);
    expect(ema(new Float32Array([1, 1]), 0.9)).toHaveLength(2);
  });
});

describe('downsample', () => {
  it('returns the input itself when it is short enough', () => {
    const pts = [1, 2, 3];
    expect(downsample(pts, 3)).toBe(pts);
  });

  it('keeps first, last and a lone spike', () => {
    const ys = Array.from({ length: 10_000 }, (_, i) => 1 + 0.01 * Math.sin(i));
    ys[4321] = 50;
    ys[777] = -50;
    const out = downsample(
      ys.map((y, i) => ({ i, y })),
      100,
      (p) => p.y,
    );
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out[0]!.i).toBe(0);
    expect(out.at(-1)!.i).toBe(9_999);
    expect(out.map((p) => p.i)).toEqual(expect.arrayContaining([4321, 777]));
  });

  it('keeps finite extremes in buckets with NaN', () => {
    const ys = [0, NaN, 5, NaN, -5, NaN, 1];
    const kept = downsampleIndices(ys.length, 4, (i) => ys[i]!);
    expect(kept).toEqual([0, 2, 4, 6]);
  });

  it('obeys tiny limits', () => {
    expect(downsample([1, 2, 3], 0)).toEqual([]);
    expect(downsample([1, 2, 3], 1)).toEqual([1]);
    expect(downsample([1, 2, 3], 2)).toEqual([1, 3]);
  });

  it('is bounded, ordered, keeps the ends and every global extreme (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 4, max: 120 }),
        (ys, max) => {
          const kept = downsampleIndices(ys.length, max, (i) => ys[i]!);
          expect(kept.length).toBeLessThanOrEqual(Math.max(max, 0));
          for (let k = 1; k < kept.length; k++) expect(kept[k]!).toBeGreaterThan(kept[k - 1]!);
          expect(kept[0]).toBe(0);
          expect(kept.at(-1)).toBe(ys.length - 1);
          const values = kept.map((i) => ys[i]!);
          // == so that 0 and -0 count as the same extreme.
          expect(Math.min(...values) == Math.min(...ys)).toBe(true);
          expect(Math.max(...values) == Math.max(...ys)).toBe(true);
        },
      ),
    );
  });
});

describe('epochBoundaries', () => {
  it('marks each reached epoch start', () => {
    expect(epochBoundaries(100, 350)).toEqual([100, 200, 300]);
    expect(epochBoundaries(100, 300)).toEqual([100, 200, 300]);
    expect(epochBoundaries(100, 99)).toEqual([]);
  });

  it('is empty while steps per epoch are unknown', () => {
    expect(epochBoundaries(0, 500)).toEqual([]);
    expect(epochBoundaries(NaN, 500)).toEqual([]);
  });

  it('keeps every k-th boundary beyond the line limit', () => {
    const lines = epochBoundaries(10, 10 * 120);
    expect(lines.length).toBeLessThanOrEqual(50);
    expect(lines).toEqual(Array.from({ length: 40 }, (_, j) => (j + 1) * 30));
    expect(epochBoundaries(10, 10 * 50)).toHaveLength(50);
  });
});

describe('plottable', () => {
  it('nulls what a log axis cannot show', () => {
    expect(plottable(0.5, true)).toBe(0.5);
    expect(plottable(0, true)).toBeNull();
    expect(plottable(-1, true)).toBeNull();
    expect(plottable(NaN, true)).toBeNull();
    expect(plottable(Infinity, true)).toBeNull();
  });

  it('keeps zero and negatives on a linear axis but not non-finite values', () => {
    expect(plottable(0, false)).toBe(0);
    expect(plottable(-1, false)).toBe(-1);
    expect(plottable(NaN, false)).toBeNull();
    expect(plottable(-Infinity, false)).toBeNull();
  });
});
