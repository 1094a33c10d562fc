// Links in and out: exact round trips for valid configs, and the parser's promises for specific bad links.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG, FIELD_KEYS } from '../../src/config/schema';
import { isValidConfig } from '../../src/config/validate';
import { configToHash, parseHash } from '../../src/config/url';
import { inEnglish } from '../../src/i18n/text';
import { validConfigArb } from './arbitraries';

describe('configToHash', () => {
  it('writes every setting in a fixed order, webgl only when not default', () => {
    expect(configToHash(DEFAULT_CONFIG)).toBe(
      '#opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-7&mom=0.9&nesterov=0&bs=32&epochs=10&prep=scale&seed=1',
    );
    expect(configToHash({ ...DEFAULT_CONFIG, nesterov: true, webgl: 'software' })).toMatch(
      /&nesterov=1&.*&seed=1&webgl=software$/,
    );
  });
});

describe('round trip', () => {
  it('parseHash(configToHash(c)) gives c back with no notices', () => {
    fc.assert(
      fc.property(validConfigArb, (c) => {
        expect(parseHash(configToHash(c))).toEqual({ config: c, notices: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('survives extreme in-range doubles', () => {
    const c = {
      ...DEFAULT_CONFIG,
      learningRate: 1e-5,
      epsilon: 1e-10,
      beta1: 0.9999,
      beta2: 0.99999,
      momentum: 0,
    };
    expect(parseHash(configToHash(c))).toEqual({ config: c, notices: [] });
    const odd = {
      ...DEFAULT_CONFIG,
      learningRate: 0.1 + 0.2,
      epsilon: 1.0000000000000002e-10,
      beta2: 0.99999 - 2 ** -52,
    };
    expect(parseHash(configToHash(odd)).config).toEqual(odd);
  });
});

describe('parseHash specific links', () => {
  /** parseHash with its notices rendered in English. */
  const parse = (h: string) => {
    const r = parseHash(h);
    return { ...r, notices: r.notices.map(inEnglish) };
  };

  it('gives the defaults for an empty hash', () => {
    for (const h of ['', '#', '?', '#?', '#&&', '#='])
      expect(parse(h)).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });

  it('accepts query style and a leading #?', () => {
    expect(parse('?lr=0.1').config.learningRate).toBe(0.1);
    expect(parse('#?lr=0.1').config.learningRate).toBe(0.1);
    expect(parse('lr=0.1&bs=64').config).toMatchObject({ learningRate: 0.1, batchSize: 64 });
  });

  it('falls back to the default for malformed numbers', () => {
    expect(parse('#lr=abc')).toEqual({
      config: DEFAULT_CONFIG,
      notices: ['"lr=abc" is not a number; using the default 0.001.'],
    });
    expect(parse('#lr=NaN').notices).toEqual(['"lr=NaN" is not a number; using the default 0.001.']);
    expect(parse('#lr=Infinity').notices).toEqual(['"lr=Infinity" is not finite; using the default 0.001.']);
    expect(parse('#lr=').notices).toEqual(['"lr=" is not a number; using the default 0.001.']);
    expect(parse('#lr').notices).toEqual(['"lr=" is not a number; using the default 0.001.']);
    expect(parse('#epochs=2.5').notices).toEqual([
      '"epochs=2.5" is not a whole number; using the default 10.',
    ]);
  });

  it('clamps out-of-range numbers', () => {
    expect(parse('#bs=5000')).toEqual({
      config: { ...DEFAULT_CONFIG, batchSize: 1024 },
      notices: ['"bs=5000" is above the maximum 1024; using 1024.'],
    });
    expect(parse('#lr=-1')).toEqual({
      config: { ...DEFAULT_CONFIG, learningRate: 1e-5 },
      notices: ['"lr=-1" is below the minimum 0.00001; using 0.00001.'],
    });
  });

  it('ignores unknown keys, including prototype names', () => {
    expect(parse('#foo=1')).toEqual({ config: DEFAULT_CONFIG, notices: ['Ignored unknown setting "foo".'] });
    const r = parse('#__proto__=1&constructor=2&toString=3&__proto__[x]=1&hasOwnProperty=4');
    expect(r.config).toEqual(DEFAULT_CONFIG);
    expect(Object.getPrototypeOf(r.config)).toBe(Object.prototype);
    expect(Object.keys(r.config)).toEqual(FIELD_KEYS);
    expect(r.notices).toHaveLength(5);
    expect(r.notices[0]).toBe('Ignored unknown setting "__proto__".');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses unknown enum members and bad booleans', () => {
    expect(parse('#opt=lion')).toEqual({
      config: DEFAULT_CONFIG,
      notices: [
        '"opt=lion" is not one of sgd, momentum, adagrad, rmsprop, adam, adamw; using the default adam.',
      ],
    });
    expect(parse('#nesterov=yes').notices).toEqual(['"nesterov=yes" is not 0 or 1; using the default 0.']);
    expect(parse('#webgl=software').config.webgl).toBe('software');
  });

  it('survives malformed percent-encoding', () => {
    expect(parse('#lr=%E0%A4%A').notices).toEqual([
      '"lr=%E0%A4%A" is not valid percent-encoding; using the default 0.001.',
    ]);
    expect(parse('#%').notices).toEqual(['Ignored "%": it is not valid percent-encoding.']);
    expect(parse('#%E0%A4%A=1&lr=0.5').config.learningRate).toBe(0.5);
    expect(parse('#%6Cr=0.5').config.learningRate).toBe(0.5);
    expect(parse('#opt=%61dam&lr=1e%2D3').config).toEqual(DEFAULT_CONFIG);
  });

  it('lets the last of repeated keys win and says so', () => {
    expect(parse('#lr=0.1&lr=0.2')).toEqual({
      config: { ...DEFAULT_CONFIG, learningRate: 0.2 },
      notices: ['Ignored "lr=0.1": "lr" is set again later.'],
    });
  });

  it('truncates long values in notices', () => {
    const [notice] = parse(`#lr=${'x'.repeat(500)}`).notices;
    expect(notice).toBe(`"lr=${'x'.repeat(40)}…" is not a number; using the default 0.001.`);
    const [emoji] = parse(`#foo${'😀'.repeat(30)}=1`).notices;
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('stays fast and short on huge links', () => {
    const huge = [
      `#lr=${'9'.repeat(1_000_000)}`,
      `#${'%'.repeat(1_000_000)}`,
      `#${'&foo=1'.repeat(100_000)}`,
      `#bs=${'1'.repeat(100_000)}.5`,
      `#lr=${'1'.repeat(500_000)}x`,
    ];
    for (const h of huge) {
      const r = parse(h);
      expect(isValidConfig(r.config)).toBe(true);
      expect(r.notices.length).toBeGreaterThan(0);
      expect(r.notices.length).toBeLessThanOrEqual(20);
    }
    expect(parse(`#${'&foo=1'.repeat(100)}`).notices.at(-1)).toBe('…and 81 more problems with the link.');
  });
});
