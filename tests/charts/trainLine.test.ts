// The incremental training line: whatever chunks the points arrive in, it draws the same rows as
// when built at once, with the smoothing of ema(), every extreme kept and never more than maxPoints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ema } from '../../src/charts/series';
import { TrainLine } from '../../src/charts/trainLine';
import type { MetricPoint } from '../../src/shared/metrics';

const pointsOf = (losses: readonly number[]): MetricPoint[] =>
  losses.map((loss, i) => ({ step: i + 1, epoch: 0, loss, accuracy: 1 / (1 + loss) }));

const lossArb = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, 1e9) },
);

describe('TrainLine', () => {
  it('draws the same rows however the points arrive, bounded by maxPoints, keeping every extreme', () => {
    fc.assert(
      fc.property(
        fc.array(lossArb, { maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 4, max: 120 }),
        fc.constantFrom(0, 0.6, 0.95),
        (losses, chunks, maxPoints, smoothing) => {
          const points = pointsOf(losses);
          const whole = new TrainLine('loss', smoothing, maxPoints);
          whole.update(points);
          // The same points appended to one array in chunks, the line updated after each.
          const growing: MetricPoint[] = [];
          const inChunks = new TrainLine('loss', smoothing, maxPoints);
          for (let c = 0; growing.length < points.length; c++) {
            const n = chunks[c % chunks.length]!;
            growing.push(...points.slice(growing.length, growing.length + n));
            inChunks.update(growing);
          }
          const rows = whole.rows(false);
          expect(inChunks.rows(false)).toEqual(rows);
          if (points.length === 0) {
            expect(rows).toEqual([]);
            return;
          }

          const drawn = (key: 'raw' | 'smooth') => rows.filter((r) => r[key] !== undefined);
          expect(drawn('raw').length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
          expect(drawn('smooth').length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
          expect(rows[0]!.step).toBe(1);
          expect(rows.at(-1)!.step).toBe(points.length);
          for (let k = 1; k < rows.length; k++) expect(rows[k]!.step).toBeGreaterThan(rows[k - 1]!.step);

          const smooth = ema(losses, smoothing);
          for (const r of drawn('smooth')) {
            const v = smooth[r.step - 1]!;
            expect(r.smooth).toBe(Number.isFinite(v) ? v : null);
          }
          const finite = (xs: ArrayLike<number>) => Array.from(xs).filter(Number.isFinite);
          for (const [key, values] of [
            ['raw', losses],
            ['smooth', smooth],
          ] as const) {
            const f = finite(values);
            if (f.length === 0) continue;
            const shown = drawn(key).map((r) => r[key]);
            expect(shown).toContain(Math.min(...f));
            expect(shown).toContain(Math.max(...f));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the first diverged step, and draws a log axis without values ≤ 0', () => {
    const line = new TrainLine('loss', 0, 500);
    line.update(pointsOf([2, 0, 1, 1e9, 3]));
    expect(line.divergedAt).toBe(4);
    expect(line.rows(true).map((r) => r.raw)).toEqual([2, null, 1, 1e9, 3]);
  });

  it('keeps its rows to maxPoints over 100 epochs of steps, fed a report at a time', () => {
    const line = new TrainLine('accuracy', 0.9, 500);
    const points: MetricPoint[] = [];
    for (let step = 1; step <= 171_800; step++) {
      points.push({ step, epoch: 0, loss: 1 / step, accuracy: 1 - 1 / step });
      if (step % 37 === 0) line.update(points);
    }
    line.update(points);
    expect(line.count).toBe(171_800);
    const rows = line.rows(false);
    expect(rows.filter((r) => r.raw !== undefined).length).toBeLessThanOrEqual(500);
    expect(rows.filter((r) => r.raw !== undefined).length).toBeGreaterThan(450);
    expect(rows.at(-1)!.step).toBe(171_800);
  });
});
