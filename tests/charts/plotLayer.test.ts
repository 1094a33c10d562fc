// The chart's own drawing of its data lines and readout (plotLayer.tsx) and the round axis ranges
// that keep recharts from redrawing its axes at every new point (axisDomain.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  extent,
  logAxisDomain,
  logTicks,
  roundTicks,
  stepAxisEnd,
  valueAxisTop,
} from '../../src/charts/axisDomain';
import { labelSide, textWidth } from '../../src/charts/guideLayer';
import { linePoints, nearestRow, pathOf, readoutItems, type PlotLine } from '../../src/charts/plotLayer';

const rows = [
  { step: 1, smooth: 2.0, raw: 2.1 },
  { step: 5, smooth: null, raw: 1.9 },
  { step: 9, smooth: 1.5 },
  { step: 20, smooth: Number.NaN },
  { step: 30, smooth: 1.0 },
];
const line = (over: Partial<PlotLine>): PlotLine => ({
  key: 'k',
  name: 'n',
  rows,
  field: 'smooth',
  stroke: '#000',
  width: 1,
  ...over,
});

describe('plot lines', () => {
  it('joins the rows that have a value, through the scales, skipping the rest', () => {
    const pts = linePoints(
      line({}),
      (s) => s * 10,
      (v) => 100 - v * 10,
    );
    expect(pts).toEqual([
      [10, 80],
      [90, 85],
      [300, 90],
    ]);
    expect(pathOf(pts)).toBe('M10,80L90,85L300,90');
    expect(pathOf([])).toBe('');
    // A value the scale cannot place (a log axis and 0) leaves a gap, not NaN in the path.
    expect(
      linePoints(
        line({}),
        (s) => s,
        (v) => (v > 1.2 ? v : undefined),
      ),
    ).toHaveLength(2);
  });

  it('finds the nearest row with a value on either side', () => {
    expect(nearestRow(rows, 'smooth', 0)).toBe(0);
    expect(nearestRow(rows, 'smooth', 4)).toBe(0); // step 5 has no smoothed value
    expect(nearestRow(rows, 'smooth', 6)).toBe(2);
    expect(nearestRow(rows, 'smooth', 19)).toBe(2); // 20 is NaN: 9 is 10 away, 30 is 11
    expect(nearestRow(rows, 'smooth', 21)).toBe(4);
    expect(nearestRow(rows, 'smooth', 1000)).toBe(4);
    expect(nearestRow(rows, 'raw', 29)).toBe(1);
    expect(nearestRow([], 'smooth', 3)).toBe(-1);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: -10, max: 510 }),
        (steps, at) => {
          const sorted = [...steps]
            .sort((a, b) => a - b)
            .map((step) => ({ step, v: step % 3 ? step : null }));
          const i = nearestRow(sorted, 'v', at);
          const valued = sorted.filter((r) => r.v !== null);
          if (valued.length === 0) return i === -1;
          const best = Math.min(...valued.map((r) => Math.abs(r.step - at)));
          return i >= 0 && sorted[i]!.v !== null && Math.abs(sorted[i]!.step - at) === best;
        },
      ),
    );
  });

  it('reads out each line near the pointer, and leaves out a line whose nearest point is far', () => {
    const train = line({ key: 't', name: 'training' });
    const valRows = [{ step: 30, val: 0.9 }];
    const val = line({ key: 'v', name: 'validation', rows: valRows, field: 'val' });
    expect(readoutItems([train, val], 8, 2)).toEqual([
      { key: 't', name: 'training', stroke: '#000', step: 9, value: 1.5 },
    ]);
    expect(readoutItems([train, val], 29, 2).map((it) => [it.name, it.step, it.value])).toEqual([
      ['training', 30, 1.0],
      ['validation', 30, 0.9],
    ]);
    expect(readoutItems([line({ rows: [] })], 5, 2)).toEqual([]);
  });
});

describe('axis ranges', () => {
  it('ends the step axis at a round step at most a fifth past the last one, and never before it', () => {
    expect(stepAxisEnd(0)).toBe(100);
    expect(stepAxisEnd(7)).toBe(10);
    expect(stepAxisEnd(1719)).toBe(1750);
    expect(stepAxisEnd(17_190)).toBe(17_500);
    expect(stepAxisEnd(100_000)).toBe(100_000);
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 10_000_000 }), (last) => {
        const end = stepAxisEnd(last);
        return end >= last && end <= 1.25 * last + 1e-9 && stepAxisEnd(end) === end;
      }),
    );
  });

  it('moves the step axis a few times per decade of steps, not at every step', () => {
    const ends = new Set<number>();
    for (let s = 1000; s < 10_000; s++) ends.add(stepAxisEnd(s));
    expect(ends.size).toBeLessThanOrEqual(15);
  });

  it('tops a value axis at a round number just above the data', () => {
    expect(valueAxisTop(2.3)).toBe(2.5);
    expect(valueAxisTop(0.43)).toBe(0.5);
    expect(valueAxisTop(100)).toBe(120);
    expect(valueAxisTop(0)).toBe(1);
    expect(logAxisDomain(0.043, 2.3)).toEqual([0.02, 2.5]);
    expect(logAxisDomain(0.1, 0.1)).toEqual([0.1, 0.12]);
    expect(logAxisDomain(0, 1)).toEqual([0.01, 10]);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1e8, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        (lo, k) => {
          const [a, b] = logAxisDomain(lo, lo * k);
          return a <= lo * (1 + 1e-9) && a > lo / 5.0001 && b >= lo * k && b > a;
        },
      ),
    );
    expect(extent([3, null, Number.NaN, -1, undefined, 7])).toEqual([-1, 7]);
    expect(extent([null])).toBeNull();
  });
});

describe('round ticks', () => {
  it('spaces ticks 1, 2, 2.5 or 5 times a power of ten, from 0 to at most the end', () => {
    expect(roundTicks(3, 6)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(roundTicks(2.5, 6)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(roundTicks(250, 5)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(roundTicks(1750, 5)).toEqual([0, 500, 1000, 1500]);
    expect(roundTicks(0, 5)).toEqual([0]);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.integer({ min: 2, max: 10 }),
        (end, n) => {
          const ticks = roundTicks(end, n);
          const spacing = ticks[1]! - ticks[0]!;
          return (
            ticks.length >= 2 &&
            ticks.length <= n + 1 &&
            ticks.at(-1)! <= end * (1 + 1e-9) &&
            ticks.at(-1)! + spacing > end * (1 - 1e-9)
          );
        },
      ),
    );
  });
});

describe('log ticks', () => {
  it('marks 1, 2 and 5 within a decade or two, powers of ten across more', () => {
    expect(logTicks([0.02, 2.5])).toEqual([0.02, 0.05, 0.1, 0.2, 0.5, 1, 2]);
    expect(logTicks([1e-6, 1])).toEqual([1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1]);
    expect(logTicks([0.1, 0.12])).toEqual([0.1, 0.12]);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        fc.double({ min: 1.01, max: 1e8, noNaN: true }),
        (lo, k) => {
          const [a, b] = logAxisDomain(lo, lo * k);
          const ticks = logTicks([a, b]);
          return ticks.length >= 2 && ticks.every((t) => t >= a * (1 - 1e-9) && t <= b * (1 + 1e-9));
        },
      ),
    );
  });
});

describe('guide labels', () => {
  const area = { x: 50, width: 400 };
  it('runs a label to the other side of its line where it would leave the plot', () => {
    expect(labelSide('right', 100, 120, area)).toBe('right');
    expect(labelSide('right', 400, 120, area)).toBe('left');
    expect(labelSide('left', 80, 120, area)).toBe('right');
    // No room on either side: it keeps the side with more room.
    expect(labelSide('right', 250, 500, area)).toBe('right');
    expect(textWidth('学习率 η', 20)).toBeGreaterThan(textWidth('lr η', 20));
  });
});
