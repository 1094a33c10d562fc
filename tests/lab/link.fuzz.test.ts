// Hostile and random links for the lab's keys: splitLabKeys never throws and always gives settings
// in range, every valid lab setting survives a round trip through withLabKeys unchanged, and a link
// as the page wrote it before `eta` existed opens with the same settings, at the runs' own η.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages';
import { splitLabKeys, withLabKeys } from '../../src/lab/link';
import {
  isValidLab,
  labDefault,
  LAB_ETAS,
  LAB_NUMBER_KEYS,
  labRange,
  type LabSettings,
} from '../../src/lab/settings';
import { SURFACES } from '../../src/lab/surfaces';

function expectSane(hash: string): void {
  const { lab, notices } = splitLabKeys(hash);
  expect(isValidLab(lab)).toBe(true);
  expect(notices.length).toBeLessThanOrEqual(20);
  for (const n of notices)
    for (const lang of ['en', 'zh'] as const) expect(n(MESSAGES[lang]).length).toBeLessThan(200);
}

/** Any in-range lab setting, with range ends over-represented. */
const labArb: fc.Arbitrary<LabSettings> = fc.constantFrom(...SURFACES).chain((surface) => {
  const fields = LAB_NUMBER_KEYS.map((key) => {
    const { min, max, integer } = labRange(key, surface);
    const value = integer
      ? fc.integer({ min, max })
      : fc.oneof(
          fc.double({ min, max, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
          fc.constantFrom(min, max),
        );
    return [key, value] as const;
  });
  return fc.record({
    surface: fc.constant(surface),
    eta: fc.constantFrom(...LAB_ETAS),
    ...Object.fromEntries(fields),
  }) as fc.Arbitrary<LabSettings>;
});

/** Experiment items that are not lab keys. */
const restArb = fc
  .array(fc.constantFrom('opt=adam', 'lr=0.01', 'run=a~~sgd', 'seed=4', 'lang=zh', 'view=lab', 'x=1'), {
    maxLength: 5,
  })
  .map((items) => (items.length === 0 ? '' : `#${items.join('&')}`));

describe('splitLabKeys on arbitrary strings', () => {
  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), expectSane), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectSane), { numRuns: 500 });
  });

  it('never throws on strings made of URL syntax and its own keys', () => {
    const piece = fc.constantFrom(
      ...['%', '&', '=', '#', '?', '+', '-', '.', 'e', 'E', '0', '1', '9', '2000', '1e3', '-1e-9'],
      ...['surface', 'kappa', 'noise', 'x0', 'y0', 'steps', 'saddle', 'rosenbrock', 'noisy-quadratic'],
      ...['eta', 'run', 'surface', 'eta=run', 'eta=surface'],
      ...['%E0', '%A4', '%2', '%00', 'NaN', 'Infinity', '__proto__', 'constructor', '\u0000', '\uD800'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => expectSane(parts.join(''))),
      { numRuns: 1000 },
    );
  });
});

describe('withLabKeys then splitLabKeys', () => {
  it('gives back every valid setting exactly, the rest of the link untouched, and no notice', () => {
    fc.assert(
      fc.property(labArb, restArb, (lab, rest) => {
        expect(isValidLab(lab)).toBe(true);
        const back = splitLabKeys(withLabKeys(rest, lab));
        expect(back.lab).toEqual(lab);
        expect(back.notices).toEqual([]);
        // An empty experiment part comes back as a bare "#", as the page keys do.
        expect(back.rest.replace(/^#$/, '')).toBe(rest);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The lab's keys as the page wrote them before `eta`: the surface and the numbers that differ. */
function writtenBeforeEta(lab: LabSettings): string[] {
  const items = lab.surface === 'quadratic' ? [] : [`surface=${lab.surface}`];
  for (const key of LAB_NUMBER_KEYS)
    if (!Object.is(lab[key], labDefault(key, lab.surface))) items.push(`${key}=${String(lab[key])}`);
  return items;
}

describe('links written before eta existed', () => {
  it('open with the same settings, at the runs’ own η when they name any lab key', () => {
    fc.assert(
      fc.property(labArb, restArb, (lab, rest) => {
        const items = writtenBeforeEta(lab);
        const hash = [rest.replace(/^#/, ''), ...items].filter(Boolean).join('&');
        const back = splitLabKeys(`#${hash}`);
        expect(back.lab).toEqual({ ...lab, eta: items.length > 0 ? 'run' : 'surface' });
        expect(back.notices).toEqual([]);
        // And the page writes such a link back as it was when its runs walk at their own η.
        if (items.length > 0) expect(withLabKeys(rest, { ...lab, eta: 'run' })).not.toMatch(/eta=/);
      }),
      { numRuns: 1000 },
    );
  });
});
