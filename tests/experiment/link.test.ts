// Writing experiment links: old single-run links unchanged, the exact multi-run form, and the size
// of a realistic 4-run demo.
import { describe, it, expect } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { configToHash } from '../../src/config/url';
import { experimentToHash, parseExperimentHash } from '../../src/experiment/link';
import { SETTING_FLAGS, SETTING_ITEMS, SETTING_ORDER } from '../../src/experiment/linkRun';
import { defaultSettings, runFromSettings, sharedOf } from '../../src/experiment/runs';
import { inEnglish } from '../../src/i18n/text';
import type { Experiment } from '../../src/experiment/types';
import { LIVE_KEYS } from '../../src/shared/settings';
import { withoutIds } from './arbitraries';
import { demoExperiment, run, single } from './demo';

const OLD =
  '#opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-7&mom=0.9&nesterov=0&bs=32&epochs=10&prep=scale&seed=1';

describe('experimentToHash', () => {
  it('writes a plain single run exactly as the old single-run link', () => {
    expect(experimentToHash(single())).toBe(OLD);
    expect(experimentToHash(single())).toBe(configToHash(DEFAULT_CONFIG));
    expect(experimentToHash(single(), 'software')).toBe(`${OLD}&webgl=software`);
  });

  it('uses the run form as soon as anything would be lost in the old form', () => {
    const named = single();
    named.runs[0]!.name = 'Mine';
    expect(experimentToHash(named)).toBe(
      '#bs=32&epochs=10&prep=scale&seed=1&run=Mine~0072B2~adam~0.001~0.9~0.999~1e-7~0.9~0~',
    );
    const hidden = single();
    hidden.runs[0]!.hidden = true;
    expect(experimentToHash(hidden)).toMatch(/~h$/);
  });

  it('writes runs in order with their timelines', () => {
    const e: Experiment = {
      shared: sharedOf(DEFAULT_CONFIG),
      runs: [run({ name: 'A b~c&d' }), run({ name: 'Adam', color: '#D55E00' })],
    };
    e.runs[0]!.timeline = [
      { step: 120, key: 'beta2', value: 0.9 },
      { step: 300, key: 'optimizer', value: 'sgd' },
      { step: 300, key: 'nesterov', value: true },
    ];
    expect(experimentToHash(e, 'software')).toBe(
      '#bs=32&epochs=10&prep=scale&seed=1&webgl=software' +
        '&run=A%20b%7Ec%26d~0072B2~adam~0.001~0.9~0.999~1e-7~0.9~0~120.b2.0.9_300.opt.sgd_300.nesterov.1' +
        '&run=Adam~D55E00~adam~0.001~0.9~0.999~1e-7~0.9~0~',
    );
  });

  it('keeps a 4-run, 20-change demo well under 2,000 characters', () => {
    const hash = experimentToHash(demoExperiment());
    expect(hash.length).toBeLessThan(2000);
    expect(withoutIds(parseExperimentHash(hash).experiment)).toEqual(withoutIds(demoExperiment()));
  });
});

describe('run= positional settings', () => {
  it('cover every live setting exactly once, with the flags (the order itself is frozen for old links)', () => {
    const all = [...SETTING_ORDER, ...Object.keys(SETTING_FLAGS), ...SETTING_ITEMS];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...LIVE_KEYS].sort());
    expect(SETTING_ORDER).toEqual([
      'optimizer',
      'learningRate',
      'beta1',
      'beta2',
      'epsilon',
      'momentum',
      'nesterov',
    ]);
  });
});

describe('bias correction in links', () => {
  const adam = (biasCorrection: boolean, hidden = false) => ({
    ...runFromSettings({ ...defaultSettings(), biasCorrection }, 0, 'r1'),
    hidden,
    timeline: [{ step: 40, key: 'biasCorrection' as const, value: !biasCorrection }],
  });

  it('is a flag when off, absent when on, and a timeline entry `.bc.` when changed live', () => {
    const e = { shared: sharedOf(DEFAULT_CONFIG), runs: [adam(false, true), adam(true)] };
    const hash = experimentToHash(e);
    expect(hash).toContain('~40.bc.1~hu&');
    expect(hash).toMatch(/~40\.bc\.0$/);
    const back = parseExperimentHash(hash);
    expect(back.notices).toEqual([]);
    expect(back.experiment.runs.map((r) => [r.initial.biasCorrection, r.hidden, r.timeline])).toEqual([
      [false, true, [{ step: 40, key: 'biasCorrection', value: true }]],
      [true, false, [{ step: 40, key: 'biasCorrection', value: false }]],
    ]);
  });

  it('is on in links made before it existed, and an unknown flag is still reported', () => {
    const old = '#bs=32&epochs=1&prep=scale&seed=1&run=A~009E73~adam~0.001~0.9~0.999~1e-7~0.9~0~~hz';
    const back = parseExperimentHash(old);
    expect(back.experiment.runs[0]!.initial.biasCorrection).toBe(true);
    expect(back.experiment.runs[0]!.hidden).toBe(true);
    expect(back.notices.map(inEnglish)).toEqual(['Run 1: ignored the unknown flag "z".']);
    expect(parseExperimentHash('#opt=adam&bc=0').experiment.runs[0]!.initial.biasCorrection).toBe(false);
  });
});

describe('weight decay and schedules in links', () => {
  const later = { weightDecay: 0.01, schedule: 'cosine', warmup: 500, gamma: 0.5 } as const;
  const shared = sharedOf(DEFAULT_CONFIG);

  it('are items after the flags, only where not default, and read back exactly', () => {
    const a = { ...runFromSettings({ ...defaultSettings(), ...later, optimizer: 'adamw' }, 0, 'r1') };
    const b = {
      ...runFromSettings({ ...defaultSettings(), schedule: 'step', gamma: 0.1 }, 1, 'r2'),
      timeline: [{ step: 300, key: 'weightDecay' as const, value: 0.001 }],
    };
    const hash = experimentToHash({ shared, runs: [a, b] });
    expect(hash).toContain(
      'run=AdamW~0072B2~adamw~0.001~0.9~0.999~1e-7~0.9~0~~~wd.0.01_sched.cosine_warmup.500&',
    );
    expect(hash).toMatch(
      /run=Adam~D55E00~adam~0\.001~0\.9~0\.999~1e-7~0\.9~0~300\.wd\.0\.001~~sched\.step_gamma\.0\.1$/,
    );
    const back = parseExperimentHash(hash);
    expect(back.notices).toEqual([]);
    expect(withoutIds(back.experiment)).toEqual(withoutIds({ shared, runs: [a, b] }));
  });

  it('are single-run keys too, left out when default, so old links read and write as before', () => {
    expect(experimentToHash(single())).toBe(OLD);
    const one = parseExperimentHash(`${OLD}&wd=0.0005&sched=cyclic&warmup=100&gamma=0.3`);
    expect(one.notices).toEqual([]);
    expect(one.experiment.runs[0]!.initial).toMatchObject({
      ...later,
      weightDecay: 0.0005,
      schedule: 'cyclic',
      warmup: 100,
      gamma: 0.3,
    });
    const old = parseExperimentHash(
      '#bs=32&epochs=1&prep=scale&seed=1&run=A~009E73~sgd~0.1~0.9~0.999~1e-7~0.9~0~',
    );
    expect(old.notices).toEqual([]);
    expect(old.experiment.runs[0]!.initial).toMatchObject({
      weightDecay: 0,
      schedule: 'constant',
      warmup: 0,
      gamma: 0.5,
    });
  });

  it('keep the default for a bad item, with a notice that names it', () => {
    const hash =
      '#bs=32&epochs=1&prep=scale&seed=1&run=A~009E73~sgd~0.1~0.9~0.999~1e-7~0.9~0~~~wd.-1_sched.linear_warmup.2.5_zz.1';
    const back = parseExperimentHash(hash);
    expect(back.experiment.runs[0]!.initial).toMatchObject({
      weightDecay: 0,
      schedule: 'constant',
      warmup: 0,
    });
    expect(back.notices.map(inEnglish)).toEqual([
      expect.stringMatching(/^Run 1: "wd\.-1" is below the minimum 0/),
      expect.stringMatching(/^Run 1: .*"sched\.linear" is not one of constant, step, cosine, cyclic/),
      expect.stringMatching(/^Run 1: .*"warmup\.2\.5" is not a whole number/),
      'Run 1: Ignored unknown setting "zz.1".',
    ]);
  });
});

describe('the data lever in links', () => {
  it('writes train, labelnoise and drop with the shared keys, only where not default, and reads them back', () => {
    const shared = { ...sharedOf(DEFAULT_CONFIG), trainImages: 1000, labelNoise: 0.4, dropout: 0.2 };
    const e = { shared, runs: [runFromSettings(defaultSettings(), 0, 'r1')] };
    const hash = experimentToHash(e);
    expect(hash).toBe(`${OLD}&train=1000&labelnoise=0.4&drop=0.2`);
    const back = parseExperimentHash(hash);
    expect(back.notices).toEqual([]);
    expect(back.experiment.shared).toEqual(shared);
    const two = { ...e, runs: [...e.runs, runFromSettings(defaultSettings(), 1, 'r2')] };
    expect(experimentToHash(two)).toMatch(
      /^#bs=32&epochs=10&prep=scale&seed=1&train=1000&labelnoise=0\.4&drop=0\.2&run=/,
    );
    expect(parseExperimentHash(OLD).experiment.shared).toMatchObject({
      trainImages: 55_000,
      labelNoise: 0,
      dropout: 0,
    });
  });

  it('keeps the default for out-of-range or malformed values, with a notice', () => {
    const back = parseExperimentHash(`${OLD}&train=50&labelnoise=2&drop=x`);
    expect(back.experiment.shared).toMatchObject({ trainImages: 100, labelNoise: 0.9, dropout: 0 });
    expect(back.notices).toHaveLength(3);
  });
});
