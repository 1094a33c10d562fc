// Instruments kept as columns read back exactly as the points that went in, absent fields absent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InternalsColumns, internalsUpTo } from '../../src/shared/internalsColumns';
import type { InternalsPoint } from '../../src/shared/internals';

const LAYERS = ['dense1.kernel', 'dense1.bias', 'dense2.kernel', 'dense2.bias'];
const value = fc.double({ noDefaultInfinity: false, noNaN: true });
const layer = fc.record(
  {
    gradNorm: value,
    updateNorm: value,
    weightNorm: value,
    velocityNorm: value,
    velocityCosine: value,
    stepMedian: value,
    stepP90: value,
    epsShare: value,
  },
  { requiredKeys: ['gradNorm', 'updateNorm', 'weightNorm'] },
);
const point = (step: number) =>
  fc
    .record(
      {
        layers: fc.tuple(...LAYERS.map(() => layer)),
        biasCorrection1: value,
        biasCorrection2: value,
        lr: value,
      },
      { requiredKeys: ['layers'] },
    )
    .map(({ layers, ...rest }): InternalsPoint => ({
      step,
      layers: Object.fromEntries(LAYERS.map((name, i) => [name, layers[i]!])),
      ...rest,
    }));

describe('InternalsColumns', () => {
  it('gives back every point exactly, in order, whatever fields each has', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 200 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => point(i + 1)))),
        (points) => {
          const cols = new InternalsColumns();
          // In several pushes, as metrics messages bring them.
          for (let i = 0; i < points.length; i += 7) cols.push(...points.slice(i, i + 7));
          expect(cols.length).toBe(points.length);
          expect([...cols]).toEqual(points);
          expect(cols.at(-1)).toEqual(points.at(-1));
          expect(cols.at(points.length)).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps the points up to a step for a resumed run', () => {
    const cols = new InternalsColumns();
    cols.push(
      ...[1, 2, 3, 10, 20].map((step) => ({
        step,
        layers: { a: { gradNorm: step, updateNorm: 0, weightNorm: 1 } },
      })),
    );
    expect([...internalsUpTo(cols, 10)].map((p) => p.step)).toEqual([1, 2, 3, 10]);
  });
});
