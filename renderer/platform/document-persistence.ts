import type * as Y from 'yjs';

/** Keeps one Y.Doc on this computer (IndexedDB in the web edition, the main process's SQLite on the desktop). */
export interface DocumentPersistence {
  /** Applies what this computer keeps, then keeps every later update. */
  load(): Promise<void>;
  /** The document completed a sync with the server: what waited is confirmed (the desktop store counts it). */
  synced?(): Promise<unknown>;
  destroy(): void;
  /** Forgets everything kept of the document (its copy diverged from the server's); where it cannot, absent. */
  clear?(): Promise<void>;
}

/**
 * Makes the persistence of a document. `isRemote` tells the server's updates (kept as received) from
 * this computer's own (kept as pending until the server has them).
 */
export type PersistenceFactory = (name: string, doc: Y.Doc, isRemote: (origin: unknown) => boolean) => DocumentPersistence;
