// Slider position <-> value mapping and display formatting.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FIELDS, FIELD_LIST, type NumericKey } from '../../src/config/schema';
import { formatValue, SLIDER_MAX, sliderToValue, valueToSlider } from '../../src/config/sliders';

const numericKeys = FIELD_LIST.flatMap((f) => (f.kind === 'number' || f.kind === 'int' ? [f.key] : []));
const continuousKeys = FIELD_LIST.flatMap((f) => (f.kind === 'number' ? [f.key] : []));
const positions = Array.from({ length: SLIDER_MAX + 1 }, (_, p) => p);

describe('sliderToValue / valueToSlider', () => {
  it('puts exact min and max at the ends', () => {
    for (const key of numericKeys) {
      const { min, max } = FIELDS[key];
      expect(sliderToValue(key, 0)).toBe(min);
      expect(sliderToValue(key, SLIDER_MAX)).toBe(max);
      expect(valueToSlider(key, min)).toBe(0);
      expect(valueToSlider(key, max)).toBe(SLIDER_MAX);
    }
  });

  it('round-trips every position of continuous fields, in range and strictly increasing', () => {
    for (const key of continuousKeys) {
      const { min, max } = FIELDS[key];
      let previous = -Infinity;
      for (const p of positions) {
        const v = sliderToValue(key, p);
        expect(valueToSlider(key, v)).toBe(p);
        expect(v).toBeGreaterThanOrEqual(min);
        expect(v).toBeLessThanOrEqual(max);
        expect(v).toBeGreaterThan(previous);
        previous = v;
      }
    }
  });

  it('lands on round numbers, including the defaults', () => {
    expect(sliderToValue('learningRate', 500)).toBe(0.01);
    expect(sliderToValue('learningRate', valueToSlider('learningRate', 0.001))).toBe(0.001);
    expect(sliderToValue('epsilon', 300)).toBe(1e-7);
    expect(sliderToValue('beta1', 250)).toBe(0.9);
    expect(sliderToValue('beta2', 600)).toBe(0.999);
    expect(sliderToValue('beta2', 200)).toBe(0.9);
    expect(sliderToValue('momentum', valueToSlider('momentum', 0.9))).toBe(0.9);
  });

  it('moves β in equal steps of log(1 − β): 0.9, 0.99, 0.999 are evenly spaced', () => {
    const p = [0.9, 0.99, 0.999].map((b) => valueToSlider('beta2', b));
    expect(p[1]! - p[0]!).toBe(p[2]! - p[1]!);
    expect(p[0]).toBeGreaterThan(100);
  });

  it('moves log fields by equal ratios', () => {
    const a = sliderToValue('learningRate', 100);
    const b = sliderToValue('learningRate', 200);
    const c = sliderToValue('learningRate', 300);
    expect(Math.log(b / a)).toBeCloseTo(Math.log(c / b), 1);
  });

  it('round-trips every epoch count and keeps int fields whole and monotone', () => {
    for (let e = 1; e <= 100; e++) expect(sliderToValue('epochs', valueToSlider('epochs', e))).toBe(e);
    for (const key of ['batchSize', 'seed'] as const) {
      let previous = -Infinity;
      for (const p of positions) {
        const v = sliderToValue(key, p);
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(previous);
        previous = v;
      }
    }
  });

  it('maps any in-range value to a position whose value is within one step of it', () => {
    const arb = fc.constantFrom(...numericKeys).chain((key: NumericKey) => {
      const { min, max } = FIELDS[key];
      return fc.tuple(fc.constant(key), fc.double({ min, max, noNaN: true }));
    });
    fc.assert(
      fc.property(arb, ([key, v]) => {
        const p = valueToSlider(key, v);
        if (FIELDS[key].kind === 'int') {
          const step = (FIELDS[key].max - FIELDS[key].min) / SLIDER_MAX;
          expect(Math.abs(sliderToValue(key, p) - v)).toBeLessThanOrEqual(step / 2 + 1);
        } else {
          expect(sliderToValue(key, p - 1)).toBeLessThanOrEqual(v);
          expect(sliderToValue(key, p + 1)).toBeGreaterThanOrEqual(v);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('pins out-of-range and non-finite input to the ends', () => {
    expect(sliderToValue('learningRate', -5)).toBe(1e-5);
    expect(sliderToValue('learningRate', 5000)).toBe(10);
    expect(sliderToValue('learningRate', NaN)).toBe(1e-5);
    expect(sliderToValue('beta1', 899.6)).toBe(sliderToValue('beta1', 900));
    expect(valueToSlider('learningRate', NaN)).toBe(0);
    expect(valueToSlider('learningRate', -1)).toBe(0);
    expect(valueToSlider('batchSize', 1e9)).toBe(SLIDER_MAX);
  });
});

describe('formatValue', () => {
  it('shows short decimals for hyperparameters', () => {
    expect(formatValue('learningRate', 0.001)).toBe('0.001');
    expect(formatValue('epsilon', 1e-7)).toBe('1e-7');
    expect(formatValue('beta2', 0.999)).toBe('0.999');
    expect(formatValue('beta2', 0.99999)).toBe('0.99999');
    expect(formatValue('learningRate', 0.1 + 0.2)).toBe('0.3');
    expect(formatValue('learningRate', 0.0013489628825916534)).toBe('0.00134896');
    expect(formatValue('momentum', 0)).toBe('0');
  });

  it('shows integers, switches and choices as they are', () => {
    expect(formatValue('batchSize', 32)).toBe('32');
    expect(formatValue('seed', 2147483647)).toBe('2147483647');
    expect(formatValue('nesterov', true)).toBe('on');
    expect(formatValue('nesterov', false)).toBe('off');
    expect(formatValue('optimizer', 'adam')).toBe('adam');
  });
});
