// The link-text helpers both link parsers share: quoting in notices, decoding, stripping and the cap.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_NOTICES,
  MAX_SHOWN,
  cutAt,
  decode,
  encodeValue,
  linkBody,
  noticeList,
  show,
} from '../../src/config/linkText';
import { inEnglish, verbatim } from '../../src/i18n/text';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('show', () => {
  it('leaves short printable text alone', () => {
    expect(show('lr=0.1')).toBe('lr=0.1');
    expect(show('x'.repeat(MAX_SHOWN))).toBe('x'.repeat(MAX_SHOWN));
  });

  it('cuts long text to MAX_SHOWN and marks the cut', () => {
    expect(show('x'.repeat(MAX_SHOWN + 1))).toBe(`${'x'.repeat(MAX_SHOWN)}…`);
  });

  it('never splits a surrogate pair at the cut', () => {
    // An odd prefix puts a pair across the MAX_SHOWN boundary.
    const s = `a${'😀'.repeat(MAX_SHOWN)}`;
    const shown = show(s);
    expect(shown).toBe(`a${'😀'.repeat(MAX_SHOWN / 2 - 1)}…`);
    expect(shown).not.toMatch(LONE_SURROGATE);
    expect(show('😀'.repeat(MAX_SHOWN))).toBe(`${'😀'.repeat(MAX_SHOWN / 2)}…`);
  });

  it('makes control characters and lone surrogates visible, keeping valid pairs', () => {
    expect(show('a\nb\u0000c\u007F')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(show('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(show('ok 😀')).toBe('ok 😀');
  });

  it('always gives one short, well-formed line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const shown = show(s);
        expect(shown.length).toBeLessThanOrEqual(MAX_SHOWN + 1);
        expect(shown).not.toMatch(LONE_SURROGATE);
        expect(shown).not.toMatch(/\p{Cc}/u);
      }),
    );
  });
});

describe('cutAt', () => {
  it('cuts at a code point boundary', () => {
    expect(cutAt('abc', 5)).toBe('abc');
    expect(cutAt('abcdef', 3)).toBe('abc');
    expect(cutAt('ab😀', 3)).toBe('ab');
    expect(cutAt('ab😀', 4)).toBe('ab😀');
  });
});

describe('decode and encodeValue', () => {
  it('returns null instead of throwing on bad percent-encoding', () => {
    expect(decode('a%20b')).toBe('a b');
    expect(decode('%')).toBeNull();
    expect(decode('%E0%A4%A')).toBeNull();
    expect(decode('%ED%A0%80')).toBeNull(); // an encoded lone surrogate
  });

  it('writes booleans as 1/0 and numbers as their shortest round-tripping text', () => {
    expect(encodeValue(true)).toBe('1');
    expect(encodeValue(false)).toBe('0');
    expect(encodeValue(1e-7)).toBe('1e-7');
    expect(encodeValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(encodeValue('adam')).toBe('adam');
  });
});

describe('linkBody', () => {
  it('strips a leading # and then a leading ?', () => {
    expect(linkBody('#a=1&b=2')).toBe('a=1&b=2');
    expect(linkBody('?a=1')).toBe('a=1');
    expect(linkBody('#?a=1')).toBe('a=1');
    expect(linkBody('a=1')).toBe('a=1');
    expect(linkBody('##a')).toBe('#a');
    expect(linkBody('?#a')).toBe('#a');
    expect(linkBody('')).toBe('');
  });
});

describe('noticeList', () => {
  const filled = (n: number) => {
    const list = noticeList();
    for (let i = 1; i <= n; i++) list.add(verbatim(`problem ${i}`));
    return list.done().map(inEnglish);
  };

  it('keeps up to MAX_NOTICES notices as they are', () => {
    expect(filled(0)).toEqual([]);
    expect(filled(MAX_NOTICES)).toHaveLength(MAX_NOTICES);
    expect(filled(MAX_NOTICES).at(-1)).toBe(`problem ${MAX_NOTICES}`);
  });

  it('past the cap, keeps MAX_NOTICES − 1 and counts the rest in the last line', () => {
    const one = filled(MAX_NOTICES + 1);
    expect(one).toHaveLength(MAX_NOTICES);
    expect(one.at(-2)).toBe(`problem ${MAX_NOTICES - 1}`);
    expect(one.at(-1)).toBe('…and 2 more problems with the link.');
    expect(filled(1000).at(-1)).toBe(`…and ${1000 - MAX_NOTICES + 1} more problems with the link.`);
  });

  it('works with add passed around unbound', () => {
    const list = noticeList();
    ['a', 'b'].map(verbatim).forEach(list.add);
    expect(list.done().map(inEnglish)).toEqual(['a', 'b']);
  });
});
