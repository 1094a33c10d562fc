// A run's points as columns: the same points back, the first diverged step kept as they arrive,
// growth by doubling, and plain arrays read the same way.
import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../src/shared/metrics';
import { columnsUpTo, divergedStep, pointArray, PointColumns } from '../../src/shared/pointColumns';

const point = (step: number, loss = 1 / step): MetricPoint => ({
  step,
  epoch: Math.floor(step / 1718),
  loss,
  accuracy: 1 - 1 / (step + 1),
});

describe('PointColumns', () => {
  it('gives back exactly the points pushed, in reports of any size, past several doublings', () => {
    const cols = new PointColumns();
    const all: MetricPoint[] = [];
    for (let step = 1; step <= 5000;) {
      const report = Array.from({ length: 1 + (step % 37) }, (_, k) => point(step + k));
      step += report.length;
      cols.push(...report);
      all.push(...report);
    }
    expect(cols.length).toBe(all.length);
    expect(pointArray(cols)).toEqual(all);
    expect(cols.at(0)).toEqual(all[0]);
    expect(cols.at(-1)).toEqual(all.at(-1));
    expect(cols.at(all.length)).toBeUndefined();
    expect(cols.at(-all.length - 1)).toBeUndefined();
    expect([...columnsUpTo(cols, 100)]).toEqual(all.filter((p) => p.step <= 100));
  });

  it('keeps NaN, ±Infinity and exact doubles, and names the first diverged step', () => {
    const cols = new PointColumns();
    const odd = [point(1, 0.1 + 0.2), point(2, 2e6), point(3, NaN), point(4, -Infinity)];
    cols.push(...odd);
    expect(pointArray(cols)).toEqual(odd);
    expect(cols.divergedAt).toBe(2);
    expect(divergedStep(cols)).toBe(2);
    expect(divergedStep(odd)).toBe(2); // a plain array is searched
    expect(divergedStep([point(1)])).toBeNull();
  });
});
