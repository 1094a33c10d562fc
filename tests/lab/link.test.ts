// The lab's keys in a link: defaults left out, values read back exactly, bad values kept at their
// default with a notice, out-of-range values clamped with a notice, other keys passed through, and
// links written before the lab had its own η (`eta`) walking at the runs' own η as they did.
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/i18n/text';
import { splitLabKeys, withLabKeys } from '../../src/lab/link';
import { defaultLab } from '../../src/lab/settings';
import { makeLab, ownEtaLab } from './fixtures';

const EXPERIMENT = '#opt=sgd&lr=0.01&seed=3';

describe('withLabKeys', () => {
  it('leaves the link alone when every lab setting is its default', () => {
    expect(withLabKeys(EXPERIMENT, defaultLab())).toBe(EXPERIMENT);
  });

  it('writes only what differs from the defaults; the start is compared with the surface’s own', () => {
    expect(withLabKeys(EXPERIMENT, ownEtaLab('rosenbrock'))).toBe(`${EXPERIMENT}&surface=rosenbrock`);
    expect(withLabKeys('', ownEtaLab('saddle', { y0: -1, steps: 2000 }))).toBe(
      '#surface=saddle&y0=-1&steps=2000',
    );
    expect(withLabKeys('#', ownEtaLab('quadratic', { kappa: 1000, noise: 0.5 }))).toBe(
      '#kappa=1000&noise=0.5',
    );
  });
});

describe('splitLabKeys', () => {
  it('reads a lab link and keeps the rest of the hash in order', () => {
    const { rest, lab, notices } = splitLabKeys('#opt=adam&surface=rosenbrock&lr=0.1&x0=0.5&steps=40&run=a');
    expect(rest).toBe('#opt=adam&lr=0.1&run=a');
    expect(lab).toEqual(ownEtaLab('rosenbrock', { x0: 0.5, steps: 40 }));
    expect(notices).toEqual([]);
  });

  it('gives the defaults for a link without lab keys', () => {
    expect(splitLabKeys(EXPERIMENT)).toEqual({ rest: EXPERIMENT, lab: defaultLab(), notices: [] });
    expect(splitLabKeys('')).toEqual({ rest: '', lab: defaultLab(), notices: [] });
  });

  it('keeps the default, with a notice, for a value it cannot use', () => {
    const cases: [string, RegExp][] = [
      [
        'surface=himmelblau',
        /"surface=himmelblau" is not one of quadratic, rosenbrock, saddle, noisy-quadratic; using the default quadratic/,
      ],
      ['kappa=abc', /"kappa=abc" is not a number; using the default 50/],
      ['noise=Infinity', /"noise=Infinity" is not a number; using the default 1/],
      ['steps=2.5', /"steps=2.5" is not a whole number; using the default 300/],
      ['y0=1e999', /"y0=1e999" is not finite; using the default 1.5/],
    ];
    for (const [item, sentence] of cases) {
      const { lab, notices } = splitLabKeys(`#${item}`);
      // A link naming a lab key, even a bad one, was written before `eta`: its runs walk at their own η.
      expect(lab, item).toEqual(ownEtaLab('quadratic'));
      expect(notices.map(inEnglish).join(' '), item).toMatch(sentence);
    }
    // An item that cannot be decoded is dropped whole: the link names no lab key.
    const { lab, notices } = splitLabKeys('#x0=%E0%A4%A');
    expect(lab).toEqual(defaultLab());
    expect(notices.map(inEnglish).join(' ')).toMatch(
      /Ignored "x0=%E0%A4%A": it is not valid percent-encoding/,
    );
  });

  it('clamps a value out of range, with a notice; the start is clamped to the surface’s box', () => {
    const { lab, notices } = splitLabKeys('#surface=rosenbrock&x0=-7&kappa=0.5&steps=9999');
    expect(lab).toEqual(ownEtaLab('rosenbrock', { x0: -2, kappa: 1, steps: 2000 }));
    expect(notices.map(inEnglish)).toEqual([
      '"kappa=0.5" is below the minimum 1; using 1.',
      '"x0=-7" is below the minimum -2; using -2.',
      '"steps=9999" is above the maximum 2000; using 2000.',
    ]);
  });

  it('lets the last of repeated keys win and says so', () => {
    const { lab, notices } = splitLabKeys('#steps=10&steps=20');
    expect(lab.steps).toBe(20);
    expect(notices.map(inEnglish)).toEqual(['Ignored "steps=10": "steps" is set again later.']);
  });

  it('reads values as written by withLabKeys, exactly', () => {
    const lab = makeLab('noisy-quadratic', {
      kappa: 12.345678901234567,
      noise: 0.1,
      x0: -9.99,
      y0: 1e-7,
      steps: 1,
    });
    const { rest, lab: back, notices } = splitLabKeys(withLabKeys(EXPERIMENT, lab));
    expect(back).toEqual(lab);
    expect(rest).toBe(EXPERIMENT);
    expect(notices).toEqual([]);
  });
});

describe('the eta key', () => {
  it('is left out where the reader takes the same η without it', () => {
    // No other lab key: a first view, at rates suited to the surface.
    expect(withLabKeys(EXPERIMENT, defaultLab())).toBe(EXPERIMENT);
    expect(withLabKeys(EXPERIMENT, makeLab('quadratic', { eta: 'run' }))).toBe(`${EXPERIMENT}&eta=run`);
    // Other lab keys: written after the surface, since without it they would mean the runs' own η.
    expect(withLabKeys(EXPERIMENT, defaultLab('rosenbrock'))).toBe(
      `${EXPERIMENT}&surface=rosenbrock&eta=surface`,
    );
    expect(withLabKeys('', makeLab('quadratic', { steps: 40 }))).toBe('#eta=surface&steps=40');
  });

  it('opens a link that names lab keys but not eta at the runs’ own η, as before eta existed', () => {
    for (const hash of ['#surface=saddle', '#kappa=100&run=a', '#steps=300', '#surface=rosenbrock&steps=400'])
      expect(splitLabKeys(hash).lab.eta, hash).toBe('run');
    for (const hash of ['', '#run=a&view=lab', '#eta=surface&steps=40', '#surface=saddle&eta=surface'])
      expect(splitLabKeys(hash).lab.eta, hash).toBe('surface');
    expect(splitLabKeys('#eta=run').lab).toEqual(makeLab('quadratic', { eta: 'run' }));
  });

  it('keeps the η it would take without the key, with a notice, for a value it cannot use', () => {
    const alone = splitLabKeys('#eta=fast');
    expect(alone.lab).toEqual(defaultLab());
    expect(alone.notices.map(inEnglish)).toEqual([
      '"eta=fast" is not one of surface, run; using the default surface.',
    ]);
    const beside = splitLabKeys('#surface=saddle&eta=RUN');
    expect(beside.lab).toEqual(ownEtaLab('saddle'));
    expect(beside.notices.map(inEnglish).join(' ')).toMatch(
      /"eta=RUN" is not one of surface, run; using the default run/,
    );
  });
});
