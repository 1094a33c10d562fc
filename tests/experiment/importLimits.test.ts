// Import limits: a file over the size cap is refused before it is read, and text nested deeper than
// an export can be is refused before JSON.parse, by one scan that skips the contents of strings.
import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_NESTING,
  parseImport,
  readImport,
} from '../../src/experiment/importCheck';
import { nestsDeeperThan } from '../../src/experiment/importParts';
import { inEnglish } from '../../src/i18n/text';
import { errorOf, valid } from './importCases';

const HOSTILE_DEPTH = 100_000;
const TOO_DEEP = new RegExp(`nests lists or objects more than ${MAX_IMPORT_NESTING} levels deep`);

/** A value nested `depth` deep: `[[…]]` or `{"a":{"a":…}}`. */
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('import nesting', () => {
  it('refuses a list nested 100,000 deep with a message naming the nesting', () => {
    expect(errorOf(deepArray(HOSTILE_DEPTH))).toMatch(TOO_DEEP);
  });

  it('refuses a deep object, even one that is not valid JSON further on', () => {
    expect(errorOf(deepObject(HOSTILE_DEPTH))).toMatch(TOO_DEEP);
    expect(errorOf('{"a":'.repeat(HOSTILE_DEPTH))).toMatch(TOO_DEEP);
  });

  it('allows exactly the limit and refuses one level more', () => {
    expect(nestsDeeperThan(deepArray(MAX_IMPORT_NESTING), MAX_IMPORT_NESTING)).toBe(false);
    expect(nestsDeeperThan(deepArray(MAX_IMPORT_NESTING + 1), MAX_IMPORT_NESTING)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const brackets = '[{'.repeat(HOSTILE_DEPTH);
    expect(nestsDeeperThan(JSON.stringify({ name: brackets }), MAX_IMPORT_NESTING)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify([`say "${brackets}"`]), MAX_IMPORT_NESTING)).toBe(false);
    // A string ending in an escaped backslash closes there: the brackets after it do count.
    expect(nestsDeeperThan(`["\\\\", ${deepArray(MAX_IMPORT_NESTING)}]`, MAX_IMPORT_NESTING)).toBe(true);
  });

  it('does not let stray closers hide the openers after them', () => {
    expect(nestsDeeperThan(']'.repeat(10) + deepArray(MAX_IMPORT_NESTING + 1), MAX_IMPORT_NESTING)).toBe(
      true,
    );
  });

  it('still imports a valid export, with brackets in a run name', () => {
    const file = valid();
    (file.runs[0] as { spec: { name: string } }).spec.name = 'Adam [[{{';
    const r = parseImport(JSON.stringify(file, null, 2));
    expect(r.ok).toBe(true);
    expect(r.ok && r.file.runs[0]!.spec.name).toBe('Adam [[{{');
  });
});

describe('readImport', () => {
  const unread = (size: number) => ({
    size,
    text: () => Promise.reject(new Error('read although too large')),
  });

  it('refuses a file over the size cap without reading it', async () => {
    const r = await readImport(unread(MAX_IMPORT_BYTES + 1));
    expect(!r.ok && inEnglish(r.error)).toBe('This file is too large to import (over 50 MB).');
  });

  it('says so when the file cannot be read', async () => {
    const r = await readImport(unread(10));
    expect(!r.ok && inEnglish(r.error)).toBe('This file could not be read.');
  });

  it('imports a valid export file', async () => {
    const r = await readImport(new Blob([JSON.stringify(valid())]));
    expect(r.ok && r.file.runs).toHaveLength(2);
  });
});
