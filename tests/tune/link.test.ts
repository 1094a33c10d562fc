// The random search's form in a link: defaults left out, a shared link draws the same trials, bad values
// kept at their default with a notice, out-of-range values clamped with a notice, other keys passed
// through, and arbitrary text never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../src/client/urlState';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { MESSAGES } from '../../src/i18n/messages';
import { inEnglish } from '../../src/i18n/text';
import { OPTIMIZERS } from '../../src/shared/settings';
import { DEFAULT_FORM, type SearchForm } from '../../src/tune/form';
import { splitTuneKeys, withTuneKeys } from '../../src/tune/link';
import {
  cleanSpace,
  sampleTrials,
  SPACE_KEYS,
  spaceLimits,
  TRIAL_COUNT,
  TRIAL_STEPS,
  type SearchSpace,
} from '../../src/tune/sampler';

const EXPERIMENT = '#opt=sgd&lr=0.01&seed=3';
const FORM: SearchForm = {
  trials: 16,
  steps: 50,
  space: {
    ...DEFAULT_FORM.space,
    optimizers: ['adam'],
    learningRate: { min: 0.0003, max: 0.03 },
    beta2: { min: 0.95, max: 0.999 },
  },
};

describe('withTuneKeys', () => {
  it('leaves the link alone when the form is the default', () => {
    expect(withTuneKeys(EXPERIMENT, DEFAULT_FORM)).toBe(EXPERIMENT);
  });

  it('writes only what differs from the defaults', () => {
    expect(withTuneKeys(EXPERIMENT, FORM)).toBe(
      `${EXPERIMENT}&trials=16&tsteps=50&topt=adam&tlr=0.0003~0.03&tb2=0.95~0.999`,
    );
    expect(withTuneKeys('', { ...DEFAULT_FORM, trials: 4 })).toBe('#trials=4');
  });
});

describe('splitTuneKeys', () => {
  it('reads the form back and keeps the rest of the hash in order', () => {
    const { rest, form, notices } = splitTuneKeys(withTuneKeys('#opt=adam&run=a&surface=saddle', FORM));
    expect(rest).toBe('#opt=adam&run=a&surface=saddle');
    expect(form).toEqual(FORM);
    expect(notices).toEqual([]);
  });

  it('gives the defaults themselves for a link without its keys', () => {
    const { rest, form } = splitTuneKeys(EXPERIMENT);
    expect(rest).toBe(EXPERIMENT);
    expect(form).toBe(DEFAULT_FORM);
  });

  it('keeps the default, with a notice, for a value it cannot use', () => {
    const cases: [string, RegExp][] = [
      ['trials=many', /"trials=many" is not a number; using the default 8/],
      ['tsteps=2.5', /"tsteps=2.5" is not a whole number; using the default 200/],
      [
        'topt=adam,lion',
        /"topt=adam,lion" is not one of sgd, momentum, adagrad, rmsprop, adam, adamw; using the default/,
      ],
      ['topt=', /"topt=" is not one of/],
      ['tlr=0.001', /"tlr=0.001" is not a range written as min~max; using the default 0.0001~0.1/],
      ['tb1=0.8~abc', /"tb1=0.8~abc" is not a number/],
      ['tmom=1e999~0.9', /is not finite/],
      ['tb2=%E0%A4%A', /Ignored "tb2=%E0%A4%A": it is not valid percent-encoding/],
    ];
    for (const [item, sentence] of cases) {
      const { form, notices } = splitTuneKeys(`#${item}`);
      expect(form, item).toEqual(DEFAULT_FORM);
      expect(notices.map(inEnglish).join(' '), item).toMatch(sentence);
    }
  });

  it('clamps what is out of range and orders a reversed range, with a notice for each clamp', () => {
    const { form, notices } = splitTuneKeys('#trials=100&tsteps=1&tlr=100~1e-9&tb1=0.99~0.9');
    expect(form.trials).toBe(TRIAL_COUNT.max);
    expect(form.steps).toBe(TRIAL_STEPS.min);
    expect(form.space.learningRate).toEqual(spaceLimits('learningRate'));
    expect(form.space.beta1).toEqual({ min: 0.9, max: 0.99 });
    expect(notices).toHaveLength(4);
    expect(inEnglish(notices[0]!)).toMatch(/"trials=100" is above the maximum 32; using 32/);
  });

  it('lets the last of repeated keys win, saying so', () => {
    const { form, notices } = splitTuneKeys('#trials=4&trials=12');
    expect(form.trials).toBe(12);
    expect(notices.map(inEnglish).join(' ')).toMatch(/Ignored "trials=4": "trials" is set again later/);
  });
});

describe('a shared link', () => {
  it('draws the same trials on the page that opens it', () => {
    const link = withTuneKeys('#opt=adam&seed=7', FORM);
    const opened = parseLocation(link);
    expect(opened.tune).toEqual(FORM);
    expect(opened.notices).toEqual([]);
    expect(opened.experiment.shared.seed).toBe(7);
    const base = settingsOf(DEFAULT_CONFIG);
    const sent = sampleTrials(FORM.space, base, 7, FORM.trials);
    const drawn = sampleTrials(opened.tune.space, base, opened.experiment.shared.seed, opened.tune.trials);
    expect(drawn).toEqual(sent);
    expect(drawn).toHaveLength(16);
  });
});

/** Any usable form (ranges within their limits, at least one optimizer). */
const formArb: fc.Arbitrary<SearchForm> = fc
  .record({
    trials: fc.integer({ min: TRIAL_COUNT.min, max: TRIAL_COUNT.max }),
    steps: fc.integer({ min: TRIAL_STEPS.min, max: TRIAL_STEPS.max }),
    optimizers: fc.subarray([...OPTIMIZERS], { minLength: 1 }),
    bounds: fc.tuple(
      ...SPACE_KEYS.map((key) => {
        const { min, max } = spaceLimits(key);
        return fc.tuple(fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }));
      }),
    ),
  })
  .map(({ trials, steps, optimizers, bounds }) => {
    const space = { optimizers } as SearchSpace;
    SPACE_KEYS.forEach((key, i) => {
      const [a, b] = bounds[i]!.map((v) => (v === 0 ? 0 : v)) as [number, number];
      space[key] = { min: Math.min(a, b), max: Math.max(a, b) };
    });
    return { trials, steps, space: cleanSpace(space) };
  });

describe('splitTuneKeys on arbitrary input', () => {
  it('round-trips every usable form', () => {
    fc.assert(
      fc.property(formArb, (form) => {
        const { form: back, notices } = splitTuneKeys(withTuneKeys(EXPERIMENT, form));
        expect(notices).toEqual([]);
        expect(back).toEqual(form);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and what it reads is a usable form', () => {
    const piece = fc.constantFrom(
      'trials=',
      'tsteps=',
      'topt=',
      'tlr=',
      'tb1=',
      'tb2=',
      'tmom=',
      '~',
      ',',
      '&',
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(fc.oneof(piece, fc.string({ maxLength: 6 }))).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (hash) => {
        const { form, notices } = splitTuneKeys(`#${hash}`);
        expect(cleanSpace(form.space)).toEqual(form.space);
        expect(form.trials).toBeGreaterThanOrEqual(TRIAL_COUNT.min);
        expect(form.trials).toBeLessThanOrEqual(TRIAL_COUNT.max);
        expect(Number.isInteger(form.steps)).toBe(true);
        expect(notices.length).toBeLessThanOrEqual(20);
        for (const n of notices)
          for (const lang of ['en', 'zh'] as const) expect(n(MESSAGES[lang]).length).toBeLessThan(200);
      }),
      { numRuns: 500 },
    );
  });
});
