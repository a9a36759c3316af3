import * as Y from 'yjs';
import { mergeUpdates } from '../../shared/protocol/merge-updates';

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

/** The stores with updates waiting to be written; all are written when the page is hidden or left. */
const waiting = new Set<IdbPersistence>();
let leaving = false;
function writeAllWaiting(): void {
  for (const p of [...waiting]) p.write();
}
function watchLeaving(): void {
  if (leaving || typeof window === 'undefined') return;
  leaving = true;
  window.addEventListener('pagehide', writeAllWaiting);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && writeAllWaiting());
}

/** Runs `write` once the page is idle after this frame (its paint), and within a second however busy the page. */
function whenIdle(write: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 1_000 });
  else setTimeout(write, 0);
}

/**
 * Keeps a Y.Doc on this computer: every update (local or from the server) is appended to IndexedDB,
 * and `load` applies what was kept, so that the document opens offline, after a restart, with the
 * changes that still wait to sync. The log is merged into one update now and then.
 *
 * Updates are written in one transaction once the page is idle after the frame that showed them, not
 * in the keystroke that made them (an IndexedDB transaction per keystroke held up its paint), and at
 * once when the page is hidden or left; the server has them meanwhile if connected.
 */
export class IdbPersistence {
  private count = 0;
  private destroyed = false;
  private queued: Uint8Array[] = [];
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.destroyed) return;
    this.queued.push(update);
    if (this.queued.length > 1) return;
    waiting.add(this);
    watchLeaving();
    whenIdle(() => this.write());
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
    if (rows.length) Y.applyUpdate(this.doc, mergeUpdates(rows.map((r) => r.update)), this);
    this.doc.on('update', this.onUpdate);
  }

  /** Writes the updates waiting, in one transaction (they are written when the page is next idle otherwise). */
  write(): void {
    waiting.delete(this);
    const updates = this.queued.splice(0);
    if (updates.length === 0 || this.destroyed) return;
    const store = this.db.transaction(STORE, 'readwrite').objectStore(STORE);
    for (const update of updates) store.add({ doc: this.name, update });
    this.count += updates.length;
    if (this.count > COMPACT_AFTER) void this.compact();
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
    this.queued = [];
    waiting.delete(this);
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
    this.write();
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
  }
}
