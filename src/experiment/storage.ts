// Keeps the current experiment's recorded runs across reloads in IndexedDB. Every function resolves
// to a result and never throws or rejects: storage is a convenience, so failing must not break the page.
import { checkExportFile } from './importCheck';
import { makeExportFile, type ExportFile, type RunRecord } from './exportTypes';
import type { SharedSettings } from '../shared/settings';
import type { StorageAction } from '../i18n/catalogue/storage';
import type { Text } from '../i18n/text';

/** `error` says why, rendered in the page's language when shown. */
export type StorageResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: Text };

export const DB_NAME = 'mnist-optimizer-playground';
const DB_VERSION = 1;
const STORE = 'experiment';
const KEY = 'current';
// A blocked or wedged open must not leave the page waiting for its saved runs forever.
const OPEN_TIMEOUT_MS = 5000;

/** Why `doing` failed; the browser's error name (or message) is kept as it is, in any language. */
function describe(e: unknown, doing: StorageAction): Text {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  if (name === 'QuotaExceededError') return (m) => m.storage.noSpace;
  const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : '';
  const detail = name || message;
  return (m) => m.storage.failed(m.storage.doing[doing], detail);
}

function fail(error: Text): { ok: false; error: Text } {
  return { ok: false, error };
}

/** The browser's IndexedDB, or undefined where there is none or touching it throws (some privacy modes). */
function browserFactory(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

/** Resolves exactly once, whichever callback comes first. */
function once<T>(executor: (done: (r: T) => void) => void, onError: (e: unknown) => T): Promise<T> {
  return new Promise<T>((resolve) => {
    let settled = false;
    const done = (r: T) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    try {
      executor(done);
    } catch (e) {
      done(onError(e));
    }
  });
}

function open(factory: IDBFactory | undefined): Promise<StorageResult<{ db: IDBDatabase }>> {
  if (factory === undefined) return Promise.resolve(fail((m) => m.storage.unavailable));
  return once<StorageResult<{ db: IDBDatabase }>>(
    (done) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        done(fail((m) => m.storage.timedOut));
      }, OPEN_TIMEOUT_MS);
      const finish = (r: StorageResult<{ db: IDBDatabase }>) => {
        clearTimeout(timer);
        done(r);
      };
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Nobody is waiting for a connection that arrives after the timeout.
        if (late) return db.close();
        // Let another tab upgrade the database later instead of being blocked by this one.
        db.onversionchange = () => db.close();
        finish({ ok: true, db });
      };
      request.onerror = () => finish(fail(describe(request.error, 'open')));
      request.onblocked = () => finish(fail((m) => m.storage.blocked));
    },
    (e) => fail(describe(e, 'open')),
  );
}

/** One request in its own transaction; resolves when the transaction has committed. */
async function transact(
  factory: IDBFactory | undefined,
  mode: IDBTransactionMode,
  doing: StorageAction,
  work: (store: IDBObjectStore) => IDBRequest,
): Promise<StorageResult<{ value: unknown }>> {
  const opened = await open(factory);
  if (!opened.ok) return opened;
  const { db } = opened;
  const result = await once<StorageResult<{ value: unknown }>>(
    (done) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      // Quota errors arrive as a request error and then as the transaction's abort; both say why.
      request.onerror = () => done(fail(describe(request.error, doing)));
      tx.onerror = () => done(fail(describe(tx.error ?? request.error, doing)));
      tx.onabort = () => done(fail(describe(tx.error ?? request.error, doing)));
      tx.oncomplete = () => done({ ok: true, value: request.result });
    },
    (e) => fail(describe(e, doing)),
  );
  try {
    db.close();
  } catch {
    // Closing is best effort; the result is already known.
  }
  return result;
}

/** Replaces the stored runs with these. */
export async function saveRecords(
  shared: SharedSettings,
  records: readonly RunRecord[],
  factory: IDBFactory | undefined = browserFactory(),
): Promise<StorageResult> {
  try {
    // Structured clone keeps NaN and ±Infinity, so the records are stored as they are.
    const file = makeExportFile(shared, records);
    const r = await transact(factory, 'readwrite', 'save', (store) => store.put(file, KEY));
    return r.ok ? { ok: true } : r;
  } catch (e) {
    return fail(describe(e, 'save'));
  }
}

/** The stored runs, `file: null` when none are stored, or why they cannot be read. */
export async function loadRecords(
  factory: IDBFactory | undefined = browserFactory(),
): Promise<StorageResult<{ file: ExportFile | null }>> {
  try {
    const r = await transact(factory, 'readonly', 'read', (store) => store.get(KEY));
    if (!r.ok) return r;
    if (r.value === undefined) return { ok: true, file: null };
    // Stored data can be stale (an older page) or damaged; it gets the same checks as an import.
    const checked = checkExportFile(r.value);
    if (checked.ok) return { ok: true, file: checked.file };
    const why = checked.error;
    return fail((m) => m.storage.unusable(why(m)));
  } catch (e) {
    return fail(describe(e, 'read'));
  }
}

export async function clearRecords(
  factory: IDBFactory | undefined = browserFactory(),
): Promise<StorageResult> {
  try {
    const r = await transact(factory, 'readwrite', 'clear', (store) => store.delete(KEY));
    return r.ok ? { ok: true } : r;
  } catch (e) {
    return fail(describe(e, 'clear'));
  }
}
