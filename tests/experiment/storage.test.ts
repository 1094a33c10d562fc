// IndexedDB persistence against a hand-written fake: round trip, clearing, and every failure
// resolving to a clear error instead of throwing.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { clearRecords, loadRecords, saveRecords, type StorageResult } from '../../src/experiment/storage';
import { inEnglish } from '../../src/i18n/text';
import { FakeIndexedDb } from './fakeIndexedDb';
import { SHARED, sampleRecords } from './records';

const UNAVAILABLE = 'Saved runs are not available in this browser (storage is off, e.g. in private mode).';

/** A result with its error rendered in English, to compare with toEqual. */
function english(r: StorageResult) {
  return r.ok ? r : { ok: false, error: inEnglish(r.error) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('storage without IndexedDB', () => {
  it('reports that saving is unavailable when indexedDB is undefined (Node, private modes)', async () => {
    expect(typeof indexedDB).toBe('undefined');
    expect(english(await saveRecords(SHARED, sampleRecords()))).toEqual({ ok: false, error: UNAVAILABLE });
    expect(english(await loadRecords())).toEqual({ ok: false, error: UNAVAILABLE });
    expect(english(await clearRecords())).toEqual({ ok: false, error: UNAVAILABLE });
  });

  it('treats an indexedDB that throws on access as unavailable', async () => {
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('Blocked by privacy settings.', 'SecurityError');
      },
    });
    try {
      expect(english(await loadRecords())).toEqual({ ok: false, error: UNAVAILABLE });
    } finally {
      delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
  });
});

describe('storage with a working IndexedDB', () => {
  it('loads nothing before anything was saved', async () => {
    expect(english(await loadRecords(new FakeIndexedDb().asFactory()))).toEqual({ ok: true, file: null });
  });

  it('saves and loads the same records, NaN and Infinity included', async () => {
    const fake = new FakeIndexedDb();
    expect(english(await saveRecords(SHARED, sampleRecords(), fake.asFactory()))).toEqual({ ok: true });
    const loaded = await loadRecords(fake.asFactory());
    expect(loaded.ok).toBe(true);
    if (!loaded.ok || loaded.file === null) throw new Error('nothing loaded');
    expect(loaded.file.shared).toEqual(SHARED);
    expect(loaded.file.runs).toEqual(sampleRecords());
    expect(loaded.file.runs[1]?.points[2]?.loss).toBeNaN();
    expect(loaded.file.format).toBe('mnist-optimizer-playground');
  });

  it('replaces what was saved before and closes every connection', async () => {
    const fake = new FakeIndexedDb();
    await saveRecords(SHARED, sampleRecords(), fake.asFactory());
    await saveRecords({ ...SHARED, seed: 9 }, sampleRecords().slice(1), fake.asFactory());
    const loaded = await loadRecords(fake.asFactory());
    expect(loaded.ok && loaded.file?.shared.seed).toBe(9);
    expect(loaded.ok && loaded.file?.runs).toHaveLength(1);
    expect(fake.closed).toBe(fake.opened);
  });

  it('clears the saved records', async () => {
    const fake = new FakeIndexedDb();
    await saveRecords(SHARED, sampleRecords(), fake.asFactory());
    expect(english(await clearRecords(fake.asFactory()))).toEqual({ ok: true });
    expect(english(await loadRecords(fake.asFactory()))).toEqual({ ok: true, file: null });
  });
});

describe('storage failures', () => {
  it('explains a full disk and keeps the earlier save', async () => {
    const fake = new FakeIndexedDb();
    await saveRecords(SHARED, sampleRecords(), fake.asFactory());
    fake.failures.putError = 'QuotaExceededError';
    expect(english(await saveRecords({ ...SHARED, seed: 9 }, sampleRecords(), fake.asFactory()))).toEqual({
      ok: false,
      error: 'Not enough storage space to keep the runs.',
    });
    const loaded = await loadRecords(fake.asFactory());
    expect(loaded.ok && loaded.file?.shared.seed).toBe(SHARED.seed);
  });

  it('reports other write errors by name', async () => {
    const fake = new FakeIndexedDb();
    fake.failures.putError = 'DataError';
    expect(english(await saveRecords(SHARED, sampleRecords(), fake.asFactory()))).toEqual({
      ok: false,
      error: 'Could not save the runs (DataError).',
    });
  });

  it('reports an open that fails, throws, is blocked or never answers', async () => {
    const failing = new FakeIndexedDb();
    failing.failures.openError = 'UnknownError';
    expect(english(await loadRecords(failing.asFactory()))).toEqual({
      ok: false,
      error: 'Could not open the saved runs (UnknownError).',
    });
    const throwing = new FakeIndexedDb();
    throwing.failures.openThrows = 'SecurityError';
    expect(english(await saveRecords(SHARED, [], throwing.asFactory()))).toEqual({
      ok: false,
      error: 'Could not open the saved runs (SecurityError).',
    });
    const blocked = new FakeIndexedDb();
    blocked.failures.blocked = true;
    expect(english(await clearRecords(blocked.asFactory()))).toEqual({
      ok: false,
      error: 'Could not open the saved runs: another tab of the playground is using an older version.',
    });
    vi.useFakeTimers();
    const silent = new FakeIndexedDb();
    silent.failures.silent = true;
    const pending = loadRecords(silent.asFactory());
    await vi.advanceTimersByTimeAsync(6000);
    expect(english(await pending)).toEqual({
      ok: false,
      error: 'Could not open the saved runs (the browser did not answer).',
    });
  });

  it('reports a database without its object store', async () => {
    const fake = new FakeIndexedDb();
    fake.version = 1;
    expect(english(await loadRecords(fake.asFactory()))).toEqual({
      ok: false,
      error: 'Could not read the saved runs (NotFoundError).',
    });
  });

  it('refuses damaged stored data with the import message instead of crashing', async () => {
    const fake = new FakeIndexedDb();
    await saveRecords(SHARED, sampleRecords(), fake.asFactory());
    fake.record()?.set('current', {
      format: 'mnist-optimizer-playground',
      version: 1,
      exportedAt: 'x',
      shared: SHARED,
      runs: 'oops',
    });
    expect(english(await loadRecords(fake.asFactory()))).toEqual({
      ok: false,
      error: 'The saved runs could not be used: The file\'s "runs" is missing or not a list.',
    });
    fake.record()?.set('current', 'garbage');
    expect((await loadRecords(fake.asFactory())).ok).toBe(false);
  });
});
