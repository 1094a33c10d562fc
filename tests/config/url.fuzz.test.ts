// Hostile links: parseHash must never throw, must always return a valid config, and must report
// every item it could not use. The last property checks the result against an independent oracle.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG, FIELD_LIST, type AnyFieldSpec } from '../../src/config/schema';
import type { RunConfig } from '../../src/shared/settings';
import { isValidConfig } from '../../src/config/validate';
import { parseHash } from '../../src/config/url';
import { MESSAGES } from '../../src/i18n/messages';
import { validValueArb } from './arbitraries';

function expectSane(hash: string): void {
  const { config, notices } = parseHash(hash);
  expect(isValidConfig(config)).toBe(true);
  expect(notices.length).toBeLessThanOrEqual(20);
  // One line in either language.
  for (const n of notices)
    for (const lang of ['en', 'zh'] as const) expect(n(MESSAGES[lang]).length).toBeLessThan(200);
}

describe('parseHash on arbitrary strings', () => {
  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), expectSane), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectSane), { numRuns: 500 });
  });

  it('never throws on strings made of URL syntax and key fragments', () => {
    const piece = fc.constantFrom(
      ...['%', '&', '=', '#', '?', '+', '-', '.', 'e', 'E', '0', '1', '9', 'lr', 'bs', 'opt', 'nesterov'],
      ...[
        '%E0',
        '%A4',
        '%A',
        '%2',
        '%00',
        '%FF',
        'NaN',
        'Infinity',
        '__proto__',
        'constructor',
        '\u0000',
        '\uD800',
      ],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => expectSane(parts.join(''))),
      { numRuns: 1000 },
    );
  });
});

/** One `key=value` item and what the parser must make of it if it is the last for its field. */
interface Item {
  text: string;
  spec?: AnyFieldSpec;
  /** Value the field must end with; `undefined` means the default. */
  expected?: RunConfig[keyof RunConfig];
  /** Whether the item must produce a notice even when it is the last for its field. */
  bad: boolean;
}

function encode(v: RunConfig[keyof RunConfig]): string {
  return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
}

const GARBAGE: Record<AnyFieldSpec['kind'], string[]> = {
  number: ['abc', 'NaN', 'Infinity', '-Infinity', '', '1e999', '0x10', '%E0%A4%A', '%', '1..2', ' ', '1,2,3'],
  int: ['2.5', 'abc', '', '1e999', '%zz', 'NaN', '0b1'],
  bool: ['yes', '2', '', 'TRUE', '%', 'on'],
  enum: ['lion', 'ADAM', '', '%zz', '__proto__', 'constructor'],
  model: [
    'mlp-8',
    'mlp-2048',
    'mlp-16-16-16-16',
    'MLP-128',
    'cnn2',
    'mlp-0128',
    'mlp-',
    '',
    '%zz',
    '__proto__',
  ],
};

function itemsFor(spec: AnyFieldSpec): fc.Arbitrary<Item> {
  const good = validValueArb(spec).map((v): Item => ({
    text: `${spec.urlKey}=${encode(v)}`,
    spec,
    expected: v,
    bad: false,
  }));
  const garbage = fc
    .constantFrom(...GARBAGE[spec.kind])
    .map((g): Item => ({ text: `${spec.urlKey}=${g}`, spec, bad: true }));
  if (spec.kind !== 'number' && spec.kind !== 'int') return fc.oneof(good, garbage);
  const { min, max } = spec;
  const step =
    spec.kind === 'int' ? fc.integer({ min: 1, max: 1e6 }) : fc.double({ min: 1e-3, max: 1e6, noNaN: true });
  const clamped = fc.tuple(fc.boolean(), step).map(([above, d]): Item => {
    const v = above ? max + d : min - d;
    return { text: `${spec.urlKey}=${v}`, spec, expected: above ? max : min, bad: true };
  });
  return fc.oneof(good, garbage, clamped);
}

const URL_KEYS = new Set(FIELD_LIST.map((f) => f.urlKey));
const unknownItem: fc.Arbitrary<Item> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        'foo',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'LR',
        'lr ',
        'Opt',
        '',
      ),
      fc.string({
        unit: fc.constantFrom(...'abcxyzLR_-.~ !$()*,;:@/'.split('')),
        minLength: 1,
        maxLength: 8,
      }),
    ),
    fc.string({ maxLength: 6 }).map((s) => s.replace(/[&%]/g, '')),
  )
  // A bare "=" is skipped silently, like an empty "&&".
  .filter(([k, v]) => !URL_KEYS.has(k) && k + v !== '')
  .map(([k, v]): Item => ({ text: `${k}=${v}`, bad: true }));
const badKeyItem = fc.constantFrom('%E0%A4%A=1', '%=2', 'l%r=3').map((text): Item => ({ text, bad: true }));

const itemArb = fc.oneof(...FIELD_LIST.map(itemsFor), unknownItem, badKeyItem);

describe('parseHash on constructed links', () => {
  it('uses the last valid item per key, clamps, defaults, and reports each bad item', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('#', '?', '', '#?'),
        fc.array(itemArb, { maxLength: 12 }),
        (prefix, items) => {
          const { config, notices } = parseHash(prefix + items.map((i) => i.text).join('&'));
          const want: Record<string, unknown> = { ...DEFAULT_CONFIG };
          let expectedNotices = 0;
          items.forEach((item, i) => {
            const overridden =
              item.spec !== undefined && items.slice(i + 1).some((later) => later.spec === item.spec);
            if (item.bad || overridden) expectedNotices++;
            if (item.spec !== undefined && !overridden && item.expected !== undefined)
              want[item.spec.key] = item.expected;
          });
          expect(config).toEqual(want);
          expect(isValidConfig(config)).toBe(true);
          expect(notices).toHaveLength(expectedNotices);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
