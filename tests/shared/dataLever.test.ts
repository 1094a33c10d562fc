// The data lever's subset and label noise: seeded, stable, exact in size, never the true label.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { subsetSize, trainingSet, wrongLabelCount } from '../../src/shared/dataLever';
import { createRng } from '../../src/shared/random';

const rng = createRng(9);
const LABELS = Uint8Array.from({ length: 55_000 }, () => Math.floor(rng() * 10));

describe('the training subset', () => {
  it('is a seeded, sorted set of distinct images, the same for the same seed', () => {
    const a = trainingSet(LABELS, { trainImages: 1000, labelNoise: 0, seed: 3 });
    const b = trainingSet(LABELS, { trainImages: 1000, labelNoise: 0, seed: 3 });
    const c = trainingSet(LABELS, { trainImages: 1000, labelNoise: 0, seed: 4 });
    expect(a.indices.length).toBe(1000);
    expect(new Set(a.indices).size).toBe(1000);
    expect([...a.indices]).toEqual([...a.indices].sort((x, y) => x - y));
    expect(a.indices).toEqual(b.indices);
    expect(a.indices).not.toEqual(c.indices);
    expect([...a.labels]).toEqual([...a.indices].map((i) => LABELS[i]));
    // Spread over the whole split, not a prefix.
    expect(a.indices.at(-1)).toBeGreaterThan(50_000);
  });

  it('is the whole split, in order, at 55,000 (and more), so the default run is unchanged', () => {
    const all = trainingSet(LABELS, { trainImages: 55_000, labelNoise: 0, seed: 1 });
    expect(all.indices).toEqual(Uint32Array.from({ length: 55_000 }, (_, i) => i));
    expect(all.labels).toEqual(LABELS);
    expect(subsetSize(600, 55_000)).toBe(600);
  });
});

describe('label noise', () => {
  it('changes exactly round(noise·size) labels, never to the true one, seeded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 5000 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (trainImages, labelNoise, seed) => {
          const set = trainingSet(LABELS, { trainImages, labelNoise, seed });
          const clean = trainingSet(LABELS, { trainImages, labelNoise: 0, seed });
          expect(set.indices).toEqual(clean.indices); // noise never moves the subset
          const wrong = [...set.labels.keys()].filter((p) => set.labels[p] !== clean.labels[p]);
          expect(wrong).toEqual([...set.changed]);
          expect(wrong.length).toBe(wrongLabelCount(trainImages, labelNoise));
          expect(set).toEqual(trainingSet(LABELS, { trainImages, labelNoise, seed }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('spreads the wrong labels uniformly over the nine other digits', () => {
    const set = trainingSet(LABELS, { trainImages: 55_000, labelNoise: 0.9, seed: 2 });
    const shifts = new Array<number>(10).fill(0);
    for (const p of set.changed) shifts[(set.labels[p]! - LABELS[p]! + 10) % 10]!++;
    expect(shifts[0]).toBe(0);
    const expected = set.changed.length / 9;
    for (let k = 1; k < 10; k++) expect(Math.abs(shifts[k]! - expected) / expected).toBeLessThan(0.03);
  });
});
