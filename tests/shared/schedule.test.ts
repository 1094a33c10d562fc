// The learning-rate schedules against their closed forms, at the steps where each one turns.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decayFactor, scheduleFactor, warmupFactor } from '../../src/shared/schedule';
import { SCHEDULES } from '../../src/shared/settings';

const period = { stepsPerEpoch: 10, totalSteps: 40 };

describe('warmup', () => {
  it('rises linearly to 1 over W steps, and is 1 without warmup', () => {
    expect([1, 50, 99, 100, 101, 5000].map((t) => warmupFactor(100, t))).toEqual([0.01, 0.5, 0.99, 1, 1, 1]);
    expect(warmupFactor(0, 1)).toBe(1);
  });
});

describe('decay', () => {
  it('constant is 1 everywhere', () => {
    for (let t = 1; t <= 40; t++) expect(decayFactor('constant', 0.5, t, period)).toBe(1);
  });
  it('step multiplies by γ at the first step of each epoch', () => {
    const d = (t: number) => decayFactor('step', 0.5, t, period);
    expect([1, 10, 11, 20, 21, 31, 40].map(d)).toEqual([1, 1, 0.5, 0.5, 0.25, 0.125, 0.125]);
  });
  it('cosine falls from 1 at step 1 through ½ halfway to near 0 at the end', () => {
    const d = (t: number) => decayFactor('cosine', 0.5, t, period);
    expect(d(1)).toBe(1);
    expect(d(21)).toBeCloseTo(0.5, 12);
    expect(d(40)).toBeCloseTo(0.5 * (1 + Math.cos((Math.PI * 39) / 40)), 12);
    expect(d(40)).toBeLessThan(0.002);
    for (let t = 2; t <= 40; t++) expect(d(t)).toBeLessThan(d(t - 1));
  });
  it('cyclic is a triangle from η/10 up to η after one epoch and back after two', () => {
    const d = (t: number) => decayFactor('cyclic', 0.5, t, period);
    expect(d(1)).toBeCloseTo(0.1, 12);
    expect(d(6)).toBeCloseTo(0.55, 12);
    expect(d(11)).toBeCloseTo(1, 12);
    expect(d(16)).toBeCloseTo(0.55, 12);
    expect(d(21)).toBeCloseTo(0.1, 12);
    expect(d(31)).toBeCloseTo(1, 12);
  });
});

describe('scheduleFactor', () => {
  it('is warmup times decay, in (0, 1] for every schedule, step and setting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEDULES),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        (schedule, warmup, gamma, e, epochs, k) => {
          const p = { stepsPerEpoch: e, totalSteps: e * epochs };
          const t = 1 + (k % p.totalSteps);
          const f = scheduleFactor({ schedule, warmup, gamma }, t, p);
          expect(f).toBeCloseTo(warmupFactor(warmup, t) * decayFactor(schedule, gamma, t, p), 14);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
  it('defaults to a constant rate for settings from before schedules', () => {
    expect(scheduleFactor({}, 7, period)).toBe(1);
  });
});
