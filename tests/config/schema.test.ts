// The settings table, optimizer/hyperparameter wiring and single-value validation.
import { EN } from '../../src/i18n/messages';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG, FIELDS, FIELD_KEYS, FIELD_LIST, usedBy } from '../../src/config/schema';
import { OPTIMIZERS, type RunConfig } from '../../src/shared/settings';
import {
  isValidConfig,
  outOfRange,
  parseText,
  validateValue,
  type Validation,
} from '../../src/config/validate';
import { inEnglish } from '../../src/i18n/text';
import { validConfigArb } from './arbitraries';

/** A Validation with its reason or note rendered in English, to compare with toEqual. */
function english<V>(r: Validation<V>) {
  if (!r.ok) return { ok: false, reason: inEnglish(r.reason) };
  return r.note === undefined ? r : { ...r, note: inEnglish(r.note) };
}

describe('FIELDS table', () => {
  it('holds the reference Keras defaults', () => {
    expect(DEFAULT_CONFIG).toEqual({
      optimizer: 'adam',
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
      momentum: 0.9,
      nesterov: false,
      biasCorrection: true,
      weightDecay: 0,
      schedule: 'constant',
      warmup: 0,
      gamma: 0.5,
      batchSize: 32,
      epochs: 10,
      preprocessing: 'scale',
      seed: 1,
      model: 'mlp-128',
      activation: 'relu',
      trainImages: 55_000,
      labelNoise: 0,
      dropout: 0,
      webgl: 'default',
    });
    expect(isValidConfig(DEFAULT_CONFIG)).toBe(true);
  });

  it('has the URL keys in URL order, each labelled in both catalogues', () => {
    expect(FIELD_LIST.map((f) => [EN.settings.fields[f.key], f.urlKey])).toEqual([
      ['Optimizer', 'opt'],
      ['Learning rate η', 'lr'],
      ['β1', 'b1'],
      ['β2', 'b2'],
      ['ε', 'eps'],
      ['Momentum μ', 'mom'],
      ['Nesterov', 'nesterov'],
      ['Bias correction', 'bc'],
      ['Weight decay λ', 'wd'],
      ['Learning-rate schedule', 'sched'],
      ['Warmup steps', 'warmup'],
      ['Step decay γ', 'gamma'],
      ['Batch size', 'bs'],
      ['Epochs', 'epochs'],
      ['Preprocessing', 'prep'],
      ['Seed', 'seed'],
      ['Model', 'model'],
      ['Activation', 'act'],
      ['Training images', 'train'],
      ['Label noise', 'labelnoise'],
      ['Dropout', 'drop'],
      ['WebGL', 'webgl'],
    ]);
    for (const key of FIELD_KEYS) expect(FIELDS[key].key).toBe(key);
  });

  it('has the documented ranges and scales', () => {
    const ranges = FIELD_LIST.flatMap((f) =>
      f.kind === 'number' || f.kind === 'int' ? [[f.key, f.kind, f.min, f.max, f.scale]] : [],
    );
    expect(ranges).toEqual([
      ['learningRate', 'number', 1e-5, 10, 'log'],
      ['beta1', 'number', 0, 0.9999, 'decay'],
      ['beta2', 'number', 0, 0.99999, 'decay'],
      ['epsilon', 'number', 1e-10, 1, 'log'],
      ['momentum', 'number', 0, 0.999, 'decay'],
      ['weightDecay', 'number', 0, 1, 'log'],
      ['warmup', 'int', 0, 5000, 'linear'],
      ['gamma', 'number', 0.01, 1, 'linear'],
      ['batchSize', 'int', 1, 1024, 'linear'],
      ['epochs', 'int', 1, 100, 'linear'],
      ['seed', 'int', 0, 2147483647, 'linear'],
      ['trainImages', 'int', 100, 55_000, 'linear'],
      ['labelNoise', 'number', 0, 0.9, 'linear'],
      ['dropout', 'number', 0, 0.9, 'linear'],
    ]);
  });

  it('splits live and structural settings', () => {
    const by = (mode: string) => FIELD_LIST.filter((f) => f.apply === mode).map((f) => f.key);
    expect(by('live')).toEqual([
      'optimizer',
      'learningRate',
      'beta1',
      'beta2',
      'epsilon',
      'momentum',
      'nesterov',
      'biasCorrection',
      'weightDecay',
      'schedule',
      'warmup',
      'gamma',
    ]);
    expect(by('structural')).toEqual([
      'batchSize',
      'epochs',
      'preprocessing',
      'seed',
      'model',
      'activation',
      'trainImages',
      'labelNoise',
      'dropout',
    ]);
    expect(by('startup')).toEqual(['webgl']);
  });
});

describe('usedBy', () => {
  it('lists the hyperparameters each optimizer reads', () => {
    const every = ['weightDecay', 'schedule', 'warmup', 'gamma'];
    const adam = ['learningRate', 'beta1', 'beta2', 'epsilon', 'biasCorrection', ...every];
    expect([...usedBy('sgd')]).toEqual(['learningRate', ...every]);
    expect([...usedBy('momentum')]).toEqual(['learningRate', 'momentum', 'nesterov', ...every]);
    expect([...usedBy('adagrad')]).toEqual(['learningRate', 'epsilon', ...every]);
    expect([...usedBy('rmsprop')]).toEqual(['learningRate', 'beta2', 'epsilon', ...every]);
    expect([...usedBy('adam')]).toEqual(adam);
    expect([...usedBy('adamw')]).toEqual(adam);
    expect(OPTIMIZERS).toEqual(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam', 'adamw']);
  });

  it('only names live settings', () => {
    for (const opt of OPTIMIZERS) for (const key of usedBy(opt)) expect(FIELDS[key].apply).toBe('live');
  });
});

describe('validateValue', () => {
  it('accepts in-range values unchanged', () => {
    expect(english(validateValue('learningRate', 0.01))).toEqual({ ok: true, value: 0.01 });
    expect(english(validateValue('nesterov', true))).toEqual({ ok: true, value: true });
    expect(english(validateValue('optimizer', 'sgd'))).toEqual({ ok: true, value: 'sgd' });
  });

  it('clamps out-of-range numbers with the bound as data and a note', () => {
    expect(english(validateValue('batchSize', 5000))).toEqual({
      ok: true,
      value: 1024,
      clamp: { bound: 'maximum', limit: 1024 },
      note: 'is above the maximum 1024; using 1024',
    });
    expect(english(validateValue('learningRate', -1))).toEqual({
      ok: true,
      value: 1e-5,
      clamp: { bound: 'minimum', limit: 1e-5 },
      note: 'is below the minimum 0.00001; using 0.00001',
    });
  });

  it('phrases a clamp without its action, for callers that refuse it (imports)', () => {
    expect(inEnglish(outOfRange({ bound: 'minimum', limit: 0 }))).toBe('is below the minimum 0');
    expect(inEnglish(outOfRange({ bound: 'maximum', limit: 1e-5 }))).toBe('is above the maximum 0.00001');
  });

  it('refuses non-finite numbers, fractions for int fields and wrong types', () => {
    expect(english(validateValue('learningRate', NaN))).toEqual({ ok: false, reason: 'is not a number' });
    expect(english(validateValue('learningRate', Infinity))).toEqual({ ok: false, reason: 'is not finite' });
    expect(english(validateValue('epochs', 2.5))).toEqual({ ok: false, reason: 'is not a whole number' });
    expect(english(validateValue('epochs', '3'))).toEqual({ ok: false, reason: 'is not a number' });
    expect(english(validateValue('nesterov', 1))).toEqual({ ok: false, reason: 'is not on or off' });
    expect(english(validateValue('optimizer', 'lion'))).toEqual({
      ok: false,
      reason: 'is not one of sgd, momentum, adagrad, rmsprop, adam, adamw',
    });
    expect(validateValue('optimizer', 'toString')).toMatchObject({ ok: false });
  });

  it('stores -0 as 0', () => {
    const r = validateValue('momentum', -0);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });
});

describe('parseText', () => {
  it('reads plain decimal and exponent notation only', () => {
    expect(english(parseText('learningRate', '1e-3'))).toEqual({ ok: true, value: 0.001 });
    expect(english(parseText('learningRate', ' .5 '))).toEqual({ ok: true, value: 0.5 });
    expect(english(parseText('batchSize', '64.0'))).toEqual({ ok: true, value: 64 });
    for (const bad of ['', ' ', '0x10', '1_0', 'abc', '1e', '--1', 'NaN', '1,2,3', '1,000.5']) {
      expect(english(parseText('learningRate', bad))).toEqual({ ok: false, reason: 'is not a number' });
    }
    for (const inf of ['Infinity', '-inf', '1e400']) {
      expect(english(parseText('learningRate', inf))).toEqual({ ok: false, reason: 'is not finite' });
    }
  });

  it('reads booleans as 0/1 (or true/false)', () => {
    expect(english(parseText('nesterov', '1'))).toEqual({ ok: true, value: true });
    expect(english(parseText('nesterov', 'false'))).toEqual({ ok: true, value: false });
    expect(english(parseText('nesterov', 'yes'))).toEqual({ ok: false, reason: 'is not 0 or 1' });
  });

  it('round-trips String(n) for every in-range number', () => {
    fc.assert(
      fc.property(validConfigArb, (c) => {
        for (const f of FIELD_LIST) {
          if (f.kind === 'number' || f.kind === 'int') {
            expect(parseText(f.key, String(c[f.key]))).toEqual({ ok: true, value: c[f.key] });
          }
        }
      }),
    );
  });
});

describe('isValidConfig', () => {
  it('accepts generated valid configs', () => {
    fc.assert(fc.property(validConfigArb, (c) => isValidConfig(c)));
  });

  it('rejects wrong shapes and out-of-range fields', () => {
    expect(isValidConfig(null)).toBe(false);
    expect(isValidConfig({ ...DEFAULT_CONFIG, batchSize: 0 })).toBe(false);
    expect(isValidConfig({ ...DEFAULT_CONFIG, momentum: -0 })).toBe(false);
    expect(isValidConfig({ ...DEFAULT_CONFIG, extra: 1 })).toBe(false);
    const missing: Partial<RunConfig> = { ...DEFAULT_CONFIG };
    delete missing.seed;
    expect(isValidConfig(missing)).toBe(false);
  });
});

describe('typed numbers from other keyboards', () => {
  it('accepts full-width digits and a decimal comma, and refuses what stays ambiguous', () => {
    expect(english(parseText('learningRate', '０．０１'))).toEqual({ ok: true, value: 0.01 });
    expect(english(parseText('learningRate', '0,01'))).toEqual({ ok: true, value: 0.01 });
    expect(english(parseText('epsilon', '1,5e-7'))).toEqual({ ok: true, value: 1.5e-7 });
    expect(english(parseText('batchSize', '６４'))).toEqual({ ok: true, value: 64 });
    expect(parseText('learningRate', '1,000.5').ok).toBe(false);
    expect(parseText('learningRate', '1,2,3').ok).toBe(false);
  });
});
