// A minimal in-memory stand-in for the IndexedDB calls storage.ts makes (open, upgrade, one store,
// put/get/delete in single-request transactions), with switches for the failures it must survive.
export interface FakeFailures {
  /** open() itself throws a DOMException with this name (e.g. SecurityError). */
  openThrows?: string;
  /** The open request fails with this error name. */
  openError?: string;
  /** The open request reports `blocked` and nothing else. */
  blocked?: boolean;
  /** The open request never answers. */
  silent?: boolean;
  /** put() fails with this error name (e.g. QuotaExceededError) and the transaction aborts. */
  putError?: string;
}

type Handler = (() => void) | null;

class FakeRequest {
  result: unknown = undefined;
  error: DOMException | null = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  onupgradeneeded: Handler = null;
  onblocked: Handler = null;
}

// Real IndexedDB fires events in later tasks, after the caller has attached its handlers.
const later = (f: () => void) => setTimeout(f, 0);

class FakeTransaction {
  error: DOMException | null = null;
  oncomplete: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  constructor(
    private readonly records: Map<string, unknown>,
    private readonly fake: FakeIndexedDb,
  ) {}

  objectStore(_name: string) {
    const run = (op: () => unknown, failWith?: string) => {
      const req = new FakeRequest();
      later(() => {
        if (failWith !== undefined) {
          req.error = new DOMException('The operation failed.', failWith);
          req.onerror?.();
          this.error = req.error;
          this.onerror?.();
          this.onabort?.();
          return;
        }
        req.result = op();
        req.onsuccess?.();
        this.oncomplete?.();
      });
      return req;
    };
    return {
      // Stored as a structured clone, as a browser does (so NaN survives and later edits do not leak in).
      put: (value: unknown, key: string) =>
        run(() => (this.records.set(key, structuredClone(value)), key), this.fake.failures.putError),
      get: (key: string) => run(() => structuredClone(this.records.get(key))),
      delete: (key: string) => run(() => (this.records.delete(key), undefined)),
    };
  }
}

class FakeDatabase {
  onversionchange: Handler = null;
  constructor(private readonly fake: FakeIndexedDb) {}
  get objectStoreNames() {
    return { contains: (name: string) => this.fake.stores.has(name) };
  }
  createObjectStore(name: string) {
    this.fake.stores.set(name, new Map());
  }
  transaction(name: string, _mode: string) {
    const records = this.fake.stores.get(name);
    if (records === undefined) throw new DOMException('No such object store.', 'NotFoundError');
    return new FakeTransaction(records, this.fake);
  }
  close() {
    this.fake.closed++;
  }
}

export class FakeIndexedDb {
  readonly stores = new Map<string, Map<string, unknown>>();
  failures: FakeFailures = {};
  version = 0;
  opened = 0;
  closed = 0;

  open(_name: string, version: number) {
    if (this.failures.openThrows !== undefined)
      throw new DOMException('Access denied.', this.failures.openThrows);
    const req = new FakeRequest();
    later(() => {
      const f = this.failures;
      if (f.silent) return;
      if (f.blocked) return req.onblocked?.();
      if (f.openError !== undefined) {
        req.error = new DOMException('Open failed.', f.openError);
        return req.onerror?.();
      }
      req.result = new FakeDatabase(this);
      if (this.version < version) {
        this.version = version;
        req.onupgradeneeded?.();
      }
      this.opened++;
      req.onsuccess?.();
    });
    return req;
  }

  /** What storage.ts keeps under its one key, for tests that inspect or damage it. */
  record(store = 'experiment'): Map<string, unknown> | undefined {
    return this.stores.get(store);
  }

  asFactory(): IDBFactory {
    return this as unknown as IDBFactory;
  }
}
