// Building a run's chart series: training and validation rows at their steps, log-axis nulling and
// thinning long runs.
import { describe, it, expect } from 'vitest';
import { buildRunSeries, DEFAULT_MAX_POINTS, ema } from '../../src/charts/series';
import type { MetricPoint } from '../../src/shared/metrics';

function pointsOf(losses: readonly number[], accuracy = 0.5): MetricPoint[] {
  return losses.map((loss, i) => ({ step: i + 1, epoch: 0, loss, accuracy }));
}

describe('buildRunSeries', () => {
  it('puts training and validation values at their steps, for the chosen metric', () => {
    const run = {
      points: pointsOf([2, 1, 0.5, 0.25]),
      validation: [
        { step: 2, loss: 1.1, accuracy: 0.6 },
        { step: 5, loss: 0.3, accuracy: 0.9 },
      ],
    };
    const { train, val } = buildRunSeries(run, { metric: 'loss', smoothing: 0 });
    expect(train).toEqual([
      { step: 1, raw: 2, smooth: 2 },
      { step: 2, raw: 1, smooth: 1 },
      { step: 3, raw: 0.5, smooth: 0.5 },
      { step: 4, raw: 0.25, smooth: 0.25 },
    ]);
    // A validation step past the last training step is kept too.
    expect(val).toEqual([
      { step: 2, val: 1.1 },
      { step: 5, val: 0.3 },
    ]);
    const acc = buildRunSeries(run, { metric: 'accuracy', smoothing: 0 });
    expect(acc.train.map((r) => r.raw)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(acc.val.map((r) => r.val)).toEqual([0.6, 0.9]);
  });

  it('nulls non-positive values on a log axis and smooths before nulling', () => {
    const { train, val } = buildRunSeries(
      { points: pointsOf([1, 0, NaN, 1]), validation: [{ step: 2, loss: 0, accuracy: 1 }] },
      { metric: 'loss', smoothing: 0.5, logScale: true },
    );
    expect(train.map((r) => r.raw)).toEqual([1, null, null, 1]);
    expect(val).toEqual([{ step: 2, val: null }]);
    expect(train[1]!.smooth).toBeCloseTo(1 / 3, 12);
    expect(train[2]!.smooth).toBeNull();
  });

  it('draws 20,000 steps with at most DEFAULT_MAX_POINTS rows per line, keeping a spike', () => {
    const losses = Array.from(
      { length: 20_000 },
      (_, i) => 2.3 * Math.exp(-i / 3000) + 0.05 * (1 + Math.sin(i * 12.9898)),
    );
    losses[12_345] = 40;
    const validation = Array.from({ length: 100 }, (_, k) => ({
      step: (k + 1) * 200,
      loss: 0.3,
      accuracy: 0.9,
    }));
    const { train, val } = buildRunSeries(
      { points: pointsOf(losses), validation },
      { metric: 'loss', smoothing: 0.9 },
    );
    const count = (key: 'raw' | 'smooth') => train.filter((r) => r[key] !== undefined).length;
    expect(count('raw')).toBeLessThanOrEqual(DEFAULT_MAX_POINTS);
    expect(count('raw')).toBeGreaterThan(DEFAULT_MAX_POINTS * 0.9);
    expect(count('smooth')).toBeLessThanOrEqual(DEFAULT_MAX_POINTS);
    expect(val).toHaveLength(100);
    expect(val.every((r) => r.val === 0.3)).toBe(true);
    expect(train[0]!.step).toBe(1);
    expect(train.at(-1)!.step).toBe(20_000);
    expect(val.at(-1)!.step).toBe(20_000);
    expect(train.some((r) => r.step === 12_346 && r.raw === 40)).toBe(true);
    for (const rows of [train, val])
      for (let k = 1; k < rows.length; k++) expect(rows[k]!.step).toBeGreaterThan(rows[k - 1]!.step);
  });

  it('thins the smoothed line by its own extremes, not the raw ones', () => {
    // Deterministic noise around a falling trend with a dip in the middle.
    const losses = Array.from(
      { length: 5000 },
      (_, i) => 2 - i / 5000 - (i > 2400 && i < 2600 ? 0.5 : 0) + ((i * 7919) % 13) / 13,
    );
    const full = ema(losses, 0.95);
    const { train } = buildRunSeries(
      { points: pointsOf(losses), validation: [] },
      { metric: 'loss', smoothing: 0.95, maxPoints: 50 },
    );
    const smooth = train.filter((r) => r.smooth !== undefined).map((r) => r.smooth!);
    expect(smooth.length).toBeLessThanOrEqual(50);
    expect(smooth).toContain(Math.min(...full));
    expect(smooth).toContain(Math.max(...full));
  });

  it('keeps validation out of the training rows', () => {
    const { train, val } = buildRunSeries(
      { points: pointsOf([2, 1]), validation: [{ step: 2, loss: 1.5, accuracy: 0.7 }] },
      { metric: 'accuracy', smoothing: 0.5 },
    );
    expect(train).toEqual([
      { step: 1, raw: 0.5, smooth: 0.5 },
      { step: 2, raw: 0.5, smooth: 0.5 },
    ]);
    expect(val).toEqual([{ step: 2, val: 0.7 }]);
  });

  it('is empty for a run without data', () => {
    expect(buildRunSeries({ points: [], validation: [] }, { metric: 'accuracy', smoothing: 0.6 })).toEqual({
      train: [],
      val: [],
      whole: [],
      divergedAt: null,
    });
  });
});

describe('the whole training set', () => {
  it('gets its own rows at the steps it was evaluated, beside validation', () => {
    const run = {
      points: [{ step: 1, epoch: 0, loss: 2, accuracy: 0.1 }],
      validation: [{ step: 10, loss: 1.1, accuracy: 0.6 }],
      training: [
        { step: 10, loss: 0.8, accuracy: 0.7, trueAccuracy: 0.6 },
        { step: 20, loss: 0.4, accuracy: 0.9 },
      ],
    };
    const s = buildRunSeries(run, { metric: 'loss', smoothing: 0 });
    expect(s.whole).toEqual([
      { step: 10, whole: 0.8 },
      { step: 20, whole: 0.4 },
    ]);
    expect(s.val).toEqual([{ step: 10, val: 1.1 }]);
  });
});
