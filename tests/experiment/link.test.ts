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
