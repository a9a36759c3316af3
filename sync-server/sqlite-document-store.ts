import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store';

/**
 * The embedded document store: an append-only log of Yjs updates per document in SQLite. Writes are
 * synchronous transactions, so a resolved `appendUpdate` is on disk (see `openDatabase` for the
 * durability settings).
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly selectRows: Database.Statement<[string], { id: number; data: Buffer }>;
  private readonly insertRow: Database.Statement<[string, Uint8Array]>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly compactTx: Database.Transaction<(name: string) => void>;

  constructor(private readonly db: Database.Database) {
    this.selectRows = db.prepare('SELECT id, data FROM updates WHERE doc = ? ORDER BY id');
    this.insertRow = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE doc = ? AND id <= ?');
    // One immediate transaction reads, merges and replaces the rows it read: rows appended by another
    // process after the read wait for the write lock, and rows with a higher id are never deleted.
    this.compactTx = db.transaction((name: string) => {
      const rows = this.selectRows.all(name);
      const last = rows.at(-1);
      if (!last || rows.length < 2) return;
      const merged = Y.mergeUpdates(rows.map((r) => r.data));
      this.deleteUpTo.run(name, last.id);
      this.insertRow.run(name, merged);
    });
  }

  async load(name: string): Promise<Uint8Array | null> {
    const rows = this.selectRows.all(name);
    if (rows.length === 0) return null;
    return rows.length === 1 ? new Uint8Array(rows[0]!.data) : Y.mergeUpdates(rows.map((r) => r.data));
  }

  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    this.insertRow.run(name, update);
  }

  async compact(name: string): Promise<void> {
    this.compactTx.immediate(name);
  }

  /** The number of log rows of a document (for tests and compaction decisions). */
  rowCount(name: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ?').get(name) as { n: number }).n;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
