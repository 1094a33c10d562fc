// Properties of the experiment link over generated experiments and hostile text: exact round trip,
// a size bound for realistic experiments, and that no input can throw or yield an invalid experiment.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { experimentToHash, parseExperimentHash } from '../../src/experiment/link';
import { MESSAGES } from '../../src/i18n/messages';
import { experimentArb, expectValidExperiment, letterNameArb, withoutIds } from './arbitraries';

const webglArb = fc.constantFrom<'default' | 'software'>('default', 'software');

function expectSane(hash: string): void {
  const { experiment, notices } = parseExperimentHash(hash);
  expectValidExperiment(experiment);
  expect(notices.length).toBeLessThanOrEqual(20);
  // Every notice renders in both languages as one line.
  for (const n of notices) for (const m of [MESSAGES.en, MESSAGES.zh]) expect(n(m)).toMatch(/^[^\n]+$/);
}

describe('experiment links', () => {
  it('round-trip every valid experiment exactly (except ids), with no notices', () => {
    fc.assert(
      fc.property(experimentArb(), webglArb, (e, webgl) => {
        const parsed = parseExperimentHash(experimentToHash(e, webgl));
        expect(parsed.notices).toEqual([]);
        expect(parsed.webgl).toBe(webgl);
        expect(withoutIds(parsed.experiment)).toEqual(withoutIds(e));
        expect(parsed.experiment.runs.map((r) => r.id)).toEqual(e.runs.map((_, i) => `r${i + 1}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('stay under 2,000 characters for 4 runs, 20 changes and names of up to 12 letters', () => {
    fc.assert(
      fc.property(experimentArb(letterNameArb), webglArb, (e, webgl) => {
        expect(experimentToHash(e, webgl).length).toBeLessThan(2000);
      }),
      { numRuns: 1000 },
    );
  });

  it('use only URL-safe characters', () => {
    fc.assert(
      fc.property(experimentArb(), (e) => {
        expect(experimentToHash(e)).toMatch(/^#[A-Za-z0-9\-._~%!*'()=&]*$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseExperimentHash on hostile input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), expectSane), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectSane), { numRuns: 500 });
  });

  it('never throws on soups of link syntax, keys and values', () => {
    const piece = fc.constantFrom(
      ...[
        'run=',
        'run',
        '&',
        '=',
        '~',
        '_',
        '.',
        '#',
        '?',
        '%',
        '%7E',
        '%7e',
        '%E0%A4',
        '%00',
        '%FF',
        'h',
        'x',
      ],
      ...['lr', 'b2', 'opt', 'nesterov', 'bs', 'seed', 'webgl', 'software', 'adam', 'sgd', 'momentum'],
      ...['0', '1', '9', '120', '-1', '1e-7', '1e999', 'NaN', 'Infinity', '0x1f', '99999999999', '0072B2'],
      ...['__proto__', 'constructor', '\u0000', '\uD800', '😀', ' '],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => expectSane(parts.join(''))),
      { numRuns: 2000 },
    );
  });

  it('never throws on valid links with random damage', () => {
    fc.assert(
      fc.property(
        experimentArb(),
        fc.nat(),
        fc.string({ maxLength: 5 }),
        fc.nat({ max: 10 }),
        (e, at, insert, cut) => {
          const hash = experimentToHash(e);
          const i = at % (hash.length + 1);
          expectSane(hash.slice(0, i) + insert + hash.slice(i + cut));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('stays quick and bounded on a huge link', () => {
    const hash = `#${Array.from({ length: 50 }, () => `run=a~~adam~0.1~0.9~0.999~1e-7~0.9~0~${'1.lr.x_'.repeat(2000)}`).join('&')}`;
    const { experiment, notices } = parseExperimentHash(hash);
    expect(experiment.runs).toHaveLength(4);
    expect(notices).toHaveLength(20);
    expectValidExperiment(experiment);
  });
});
