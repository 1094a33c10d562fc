// "Compare optimizers": each optimizer races with a learning rate that suits it, and replacing runs
// the user made is asked about first.
import { describe, expect, it } from 'vitest';
import {
  COMPARE_LEARNING_RATES,
  comparisonRuns,
  defaultSettings,
  runFromSettings,
  runsWorthKeeping,
} from '../../src/experiment/runs';
import { recordChange } from '../../src/experiment/timeline';

let n = 0;
const id = () => `t${++n}`;

describe('comparisonRuns', () => {
  it('races SGD, momentum, RMSProp and Adam from the recipe, each with its own learning rate, in the palette order', () => {
    const runs = comparisonRuns(id);
    expect(runs.map((r) => [r.initial.optimizer, r.initial.learningRate])).toEqual([
      ['sgd', 0.1],
      ['momentum', 0.01],
      ['rmsprop', 0.001],
      ['adam', 0.001],
    ]);
    expect(COMPARE_LEARNING_RATES.adam).toBe(defaultSettings().learningRate);
    for (const r of runs)
      expect({ ...r.initial, learningRate: 0 }).toEqual({
        ...defaultSettings(),
        optimizer: r.initial.optimizer,
        learningRate: 0,
      });
    expect(new Set(runs.map((r) => r.color)).size).toBe(4);
  });
});

describe('runsWorthKeeping', () => {
  const fresh = runFromSettings(defaultSettings(), 0, 'r1');
  it('is false only for the untouched default run before any step', () => {
    expect(runsWorthKeeping([fresh], 0)).toBe(false);
    expect(runsWorthKeeping([fresh], 1)).toBe(true);
    expect(runsWorthKeeping([fresh, { ...fresh, id: 'r2' }], 0)).toBe(true);
    expect(runsWorthKeeping([{ ...fresh, name: 'Mine' }], 0)).toBe(true);
    expect(runsWorthKeeping([{ ...fresh, initial: { ...fresh.initial, beta2: 0.99 } }], 0)).toBe(true);
    expect(runsWorthKeeping([recordChange(fresh, 10, { key: 'beta2', value: 0.9 })], 0)).toBe(true);
  });
});
