// The random search's sampler: the same seed draws the same trials, another seed others; every draw
// stays within its bounds and among the ticked optimizers, and on the scale the issue asks for.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { cleanSpace, DEFAULT_SPACE, sampleTrials, type SearchSpace } from '../../src/tune/sampler';

const BASE = settingsOf(DEFAULT_CONFIG);

describe('sampleTrials', () => {
  it('draws the same trials for the same seed and different ones for another', () => {
    const a = sampleTrials(DEFAULT_SPACE, BASE, 1, 16);
    expect(sampleTrials(DEFAULT_SPACE, BASE, 1, 16)).toEqual(a);
    const b = sampleTrials(DEFAULT_SPACE, BASE, 2, 16);
    expect(b).not.toEqual(a);
    // Not one trial in common: each seed has its own streams.
    expect(b.filter((t) => a.some((u) => u.learningRate === t.learningRate))).toHaveLength(0);
  });

  it('gives trial i the same settings however many trials are drawn', () => {
    expect(sampleTrials(DEFAULT_SPACE, BASE, 7, 4)).toEqual(
      sampleTrials(DEFAULT_SPACE, BASE, 7, 32).slice(0, 4),
    );
  });

  it('keeps every draw within its bounds and among the ticked optimizers', () => {
    const space: SearchSpace = {
      optimizers: ['adam', 'momentum'],
      learningRate: { min: 3e-4, max: 0.02 },
      beta1: { min: 0.85, max: 0.95 },
      beta2: { min: 0.995, max: 0.9995 },
      momentum: { min: 0.5, max: 0.9 },
    };
    const trials = sampleTrials(space, BASE, 3, 32);
    expect(new Set(trials.map((t) => t.optimizer))).toEqual(new Set(['adam', 'momentum']));
    for (const t of trials) {
      expect(t.learningRate).toBeGreaterThanOrEqual(3e-4);
      expect(t.learningRate).toBeLessThanOrEqual(0.02);
      if (t.optimizer === 'adam') {
        expect(t.beta1).toBeGreaterThanOrEqual(0.85);
        expect(t.beta1).toBeLessThanOrEqual(0.95);
        expect(t.beta2).toBeGreaterThanOrEqual(0.995);
        expect(t.beta2).toBeLessThanOrEqual(0.9995);
        // What the optimizer does not use stays the base run's.
        expect(t.momentum).toBe(BASE.momentum);
      } else {
        expect(t.momentum).toBeGreaterThanOrEqual(0.5);
        expect(t.momentum).toBeLessThanOrEqual(0.9);
        expect(t.beta1).toBe(BASE.beta1);
      }
      expect(t.epsilon).toBe(BASE.epsilon);
      // Three significant digits: short in the table and in a link.
      expect(Number(t.learningRate.toPrecision(3))).toBe(t.learningRate);
    }
    expect(
      sampleTrials({ ...space, optimizers: ['sgd'] }, BASE, 3, 8).every((t) => t.optimizer === 'sgd'),
    ).toBe(true);
  });

  it('spreads η evenly over the decades and β over log(1 − β)', () => {
    const space = { ...DEFAULT_SPACE, optimizers: ['adam' as const], learningRate: { min: 1e-5, max: 1 } };
    const trials = sampleTrials(space, BASE, 11, 2000);
    // Log-uniform over five decades: about a fifth of the draws in each.
    for (let d = -5; d < 0; d++) {
      const share =
        trials.filter((t) => t.learningRate >= 10 ** d && t.learningRate < 10 ** (d + 1)).length / 2000;
      expect(share).toBeGreaterThan(0.15);
      expect(share).toBeLessThan(0.25);
    }
    // β1 in [0.8, 0.99]: log(1 − β) uniform puts about half the draws above 1 − √(0.2·0.01) ≈ 0.955.
    const high = trials.filter((t) => t.beta1 > 1 - Math.sqrt(0.2 * 0.01)).length / 2000;
    expect(high).toBeGreaterThan(0.44);
    expect(high).toBeLessThan(0.56);
  });
});

describe('cleanSpace', () => {
  it('orders bounds, keeps them within the settings’ limits and keeps an optimizer', () => {
    const s = cleanSpace({
      optimizers: [],
      learningRate: { min: 100, max: 1e-9 },
      beta1: { min: 0.9, max: 0.5 },
      beta2: { min: NaN, max: 0.999 },
      momentum: { min: -1, max: 2 },
    });
    expect(s.optimizers).toEqual(DEFAULT_SPACE.optimizers);
    expect(s.learningRate).toEqual({ min: 1e-5, max: 10 });
    expect(s.beta1).toEqual({ min: 0.5, max: 0.9 });
    expect(s.beta2).toEqual({ min: DEFAULT_SPACE.beta2.min, max: 0.999 });
    expect(s.momentum).toEqual({ min: 0, max: 0.999 });
  });
});
