// The confusion matrix: counted from labels and predictions (engine), picked digits (mistakes first),
// and the page's view of it (row shares, colour levels, totals).
import { describe, expect, it } from 'vitest';
import { confusionMatrix, pickDigits } from '../../src/engine/predict';
import { confusionView, sameCell } from '../../src/insight/confusion';

const labels = Uint8Array.from([0, 0, 1, 1, 1, 2, 9, 9]);
const predicted = Uint8Array.from([0, 1, 1, 1, 7, 2, 9, 4]);
const confidence = Float32Array.from([0.9, 0.6, 0.99, 0.8, 0.95, 0.7, 0.5, 0.4]);

describe('confusionMatrix', () => {
  it('counts each (label, predicted) pair at label × 10 + predicted, summing to the images', () => {
    const c = confusionMatrix(labels, predicted);
    expect(c).toHaveLength(100);
    expect(c.reduce((a, b) => a + b, 0)).toBe(labels.length);
    expect(c[0]).toBe(1);
    expect(c[1]).toBe(1);
    expect(c[11]).toBe(2);
    expect(c[17]).toBe(1);
    expect(c[22]).toBe(1);
    expect(c[94]).toBe(1);
    expect(c[99]).toBe(1);
  });

  it('refuses labels and predictions of different lengths', () => {
    expect(() => confusionMatrix(labels, predicted.subarray(1))).toThrow(RangeError);
  });
});

describe('pickDigits', () => {
  const p = { predicted, confidence };

  it('puts the mistakes first, most confident first, then correct digits in test order', () => {
    expect(pickDigits(labels, p, null, 10)).toEqual({ indices: [4, 1, 7, 0, 2, 3, 5, 6], matching: 8 });
    expect(pickDigits(labels, p, null, 2)).toEqual({ indices: [4, 1], matching: 8 });
    expect(pickDigits(labels, p, null, 4)).toEqual({ indices: [4, 1, 7, 0], matching: 8 });
  });

  it('keeps to a cell when one is picked', () => {
    expect(pickDigits(labels, p, { label: 1, predicted: 1 }, 10)).toEqual({ indices: [2, 3], matching: 2 });
    expect(pickDigits(labels, p, { label: 9, predicted: 4 }, 10)).toEqual({ indices: [7], matching: 1 });
    expect(pickDigits(labels, p, { label: 3, predicted: 8 }, 10)).toEqual({ indices: [], matching: 0 });
  });
});

describe('confusionView', () => {
  const counts = confusionMatrix(labels, predicted);

  it('states totals and correct digits', () => {
    const v = confusionView(counts, false);
    expect(v.total).toBe(8);
    expect(v.correct).toBe(5);
    expect(v.rowTotals.slice(0, 3)).toEqual([2, 3, 1]);
    expect(v.values).toEqual(counts);
  });

  it('row-normalises: each row with digits sums to 1, an empty row stays 0', () => {
    const v = confusionView(counts, true);
    for (const r of [0, 1, 2, 9])
      expect(v.values.slice(r * 10, r * 10 + 10).reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(v.values.slice(30, 40).every((x) => x === 0)).toBe(true);
    expect(v.values[11]).toBeCloseTo(2 / 3);
  });

  it('colours from 0 (empty) to 1 (the largest cell), growing with the count', () => {
    const v = confusionView([...counts.slice(0, 99), 1000], false);
    expect(Math.min(...v.levels)).toBe(0);
    expect(v.levels[99]).toBe(1);
    expect(v.levels[11]!).toBeGreaterThan(v.levels[0]!);
    // A single mistake next to a thousand correct digits still shows (the log scale).
    expect(v.levels[1]!).toBeGreaterThan(0.05);
    expect(confusionView(new Array(100).fill(0), true).levels.every((l) => l === 0)).toBe(true);
  });

  it('compares cells by value', () => {
    expect(sameCell({ label: 1, predicted: 7 }, { label: 1, predicted: 7 })).toBe(true);
    expect(sameCell({ label: 1, predicted: 7 }, { label: 7, predicted: 1 })).toBe(false);
    expect(sameCell(null, null)).toBe(true);
    expect(sameCell(null, { label: 0, predicted: 0 })).toBe(false);
  });
});
