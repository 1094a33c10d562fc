// Import validation: each kind of malformed file gets its own one-sentence error, nothing throws,
// and hostile keys cannot reach Object.prototype.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_IMPORT_CHARS, parseImport, toJson } from '../../src/experiment/exportData';
import { SHARED, sampleRecords } from './records';
import { inEnglish } from '../../src/i18n/text';
import { CASES, edited, errorOf, run0, valid } from './importCases';

describe('parseImport on malformed files', () => {
  it.each(CASES)('refuses %s with a specific message', (_what, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('gives each case its own message', () => {
    expect(new Set(CASES.map(([, , m]) => m)).size).toBe(CASES.length);
  });

  it('refuses a file over 50 MB before parsing it', () => {
    expect(errorOf(' '.repeat(MAX_IMPORT_CHARS + 1))).toBe('This file is too large to import (over 50 MB).');
  });

  it('does not pollute Object.prototype through "__proto__" keys', () => {
    errorOf('{"format":"mnist-optimizer-playground","version":1,"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores unknown extra fields and returns only the known ones', () => {
    const r = parseImport(edited((f) => ((f.extra = 1), (run0(f).spec.note = 'x'))));
    expect(r.ok).toBe(true);
    expect(r.ok && Object.keys(r.file)).toEqual(['format', 'version', 'exportedAt', 'shared', 'runs']);
    expect(r.ok && 'note' in r.file.runs[0]!.spec).toBe(false);
  });
});

describe('parseImport on random damage', () => {
  const anyJson = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom('NaN', '-Infinity', null, [], {}, -1, 1e300, '__proto__'),
  );

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof parseImport(s).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        (s) => {
          expect(parseImport(s).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws when any one value of a valid file is replaced', () => {
    const paths: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      paths.push(path);
      if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(valid(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), anyJson, (path, value) => {
        const f = valid() as Record<string, unknown>;
        let at = f;
        for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
        at[path[path.length - 1]!] = value;
        const r = parseImport(JSON.stringify(f));
        if (!r.ok) expect(inEnglish(r.error)).toMatch(/^[A-Z].*\.$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('files from before bias correction was a setting', () => {
  it('import with it on, the way they trained', () => {
    const file = JSON.parse(toJson(SHARED, sampleRecords(), new Date(0))) as {
      runs: { spec: { initial: Record<string, unknown> } }[];
    };
    for (const r of file.runs) delete r.spec.initial.biasCorrection;
    const back = parseImport(JSON.stringify(file));
    expect(back.ok && back.file.runs.map((r) => r.spec.initial.biasCorrection)).toEqual([true, true]);
  });
});
