import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocumentStore } from '../document-store';

/**
 * A document's state as one update: the updates applied to a garbage-collecting Y.Doc and encoded
 * again. Unlike `Y.mergeUpdates`, deleted content is dropped, so loading the snapshot decodes only what
 * the document holds, not its whole history. Updates still waiting for a missing one are kept.
 */
export function snapshotOf(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

interface PendingAppend {
  name: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded document store: an append-only log of Yjs updates per document in SQLite, compacted
 * into a snapshot (see `snapshotOf`). Appends are group-committed: every append of one event-loop turn
 * (all documents together) goes into one transaction, one fsync, and each resolves only once that
 * transaction is committed (see `openDatabase` for the durability settings).
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly selectRows: Database.Statement<[string], { id: number; data: Buffer }>;
  private readonly insertRow: Database.Statement<[string, Uint8Array]>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly compactTx: Database.Transaction<(name: string) => void>;
  private readonly appendTx: Database.Transaction<(batch: PendingAppend[]) => void>;
  private batch: PendingAppend[] = [];
  private commitScheduled = false;

  constructor(private readonly db: Database.Database) {
    this.selectRows = db.prepare('SELECT id, data FROM updates WHERE doc = ? ORDER BY id');
    this.insertRow = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE doc = ? AND id <= ?');
    // One immediate transaction reads, snapshots and replaces the rows it read: rows appended by another
    // process after the read wait for the write lock, and rows with a higher id are never deleted.
    this.compactTx = db.transaction((name: string) => {
      const rows = this.selectRows.all(name);
      const last = rows.at(-1);
      if (!last || rows.length < 2) return;
      const snapshot = snapshotOf(rows.map((r) => r.data));
      this.deleteUpTo.run(name, last.id);
      this.insertRow.run(name, snapshot);
    });
    this.appendTx = db.transaction((batch: PendingAppend[]) => {
      for (const a of batch) this.insertRow.run(a.name, a.update);
    });
  }

  async load(name: string): Promise<Uint8Array | null> {
    const rows = this.loadUpdates(name);
    if (rows.length === 0) return null;
    return rows.length === 1 ? rows[0]! : Y.mergeUpdates(rows);
  }

  /** The stored rows, oldest first (the snapshot, then what was appended since), without merging them. */
  loadUpdates(name: string): Uint8Array[] {
    return this.selectRows.all(name).map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  }

  /**
   * A document scheduled its flush (a setImmediate) for this turn: the commit is queued right behind it,
   * so that the flushes queued before it in this turn's check phase share its transaction, and the
   * echo leaves in the same turn rather than one loop iteration later.
   */
  turn(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      this.commit();
    });
  }

  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.batch.push({ name, update, resolve, reject });
      // Not behind a flush (the command line, tests): commit in the next check phase.
      this.turn();
    });
  }

  /** Commits the turn's appends in one transaction; all of them succeed or fail together. */
  private commit(): void {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    try {
      this.appendTx(batch);
    } catch (error) {
      for (const a of batch) a.reject(error);
      return;
    }
    for (const a of batch) a.resolve();
  }

  async compact(name: string): Promise<void> {
    this.compactTx.immediate(name);
  }

  /** Compacts every document with at least `minRows` rows (at startup: a crash leaves uncompacted logs). */
  compactAll(minRows = 2): number {
    const docs = this.db.prepare('SELECT doc FROM updates GROUP BY doc HAVING count(*) >= ?').all(minRows) as { doc: string }[];
    for (const { doc } of docs) this.compactTx.immediate(doc);
    return docs.length;
  }

  /** The number of log rows of a document (for tests and compaction decisions). */
  rowCount(name: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ?').get(name) as { n: number }).n;
  }

  async close(): Promise<void> {
    this.commit();
    if (this.db.open) this.db.close();
  }
}
