import * as Y from 'yjs';

const DB_NAME = 'penholder';
const STORE = 'updates';
const COMPACT_AFTER = 200;

/** Opens this computer's store of document updates (one IndexedDB database for every document). */
export function openUpdateStore(indexedDb: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDb.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { autoIncrement: true });
      store.createIndex('doc', 'doc');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/**
 * Keeps a Y.Doc on this computer: every update (local or from the server) is appended to IndexedDB,
 * and `load` applies what was kept, so that the document opens offline, after a restart, with the
 * changes that still wait to sync. The log is merged into one update now and then.
 */
export class IdbPersistence {
  private count = 0;
  private destroyed = false;
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.destroyed) return;
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).add({ doc: this.name, update });
    if (++this.count > COMPACT_AFTER) void this.compact();
  };

  constructor(
    private readonly db: IDBDatabase,
    readonly name: string,
    readonly doc: Y.Doc,
  ) {}

  /** Applies the kept updates to the document, then keeps every later update. */
  async load(): Promise<void> {
    const tx = this.db.transaction(STORE, 'readonly');
    const request = tx.objectStore(STORE).index('doc').getAll(IDBKeyRange.only(this.name));
    await done(tx);
    const rows = request.result as { update: Uint8Array }[];
    this.count = rows.length;
    if (rows.length) Y.applyUpdate(this.doc, Y.mergeUpdates(rows.map((r) => r.update)), this);
    this.doc.on('update', this.onUpdate);
  }

  /** Replaces the kept updates by the document's whole state. */
  async compact(): Promise<void> {
    this.count = 0;
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const keys = store.index('doc').getAllKeys(IDBKeyRange.only(this.name));
    keys.onsuccess = () => {
      for (const key of keys.result) store.delete(key);
      store.add({ doc: this.name, update: Y.encodeStateAsUpdate(this.doc) });
    };
    await done(tx);
  }

  /** Forgets every kept update of the document. */
  async clear(): Promise<void> {
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const keys = store.index('doc').getAllKeys(IDBKeyRange.only(this.name));
    keys.onsuccess = () => {
      for (const key of keys.result) store.delete(key);
    };
    await done(tx);
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
  }
}
