import type Database from 'better-sqlite3';
import type { DocumentStore } from '../document-store';
import { snapshotOf } from './snapshot-of';
import type { Append } from '../group-commit';
import { mergeUpdates } from '../../../shared/protocol/merge-updates';

export { snapshotOf };

export type { Append };

/** A document's log compacted: its snapshot, and which rows it replaces. */
export interface Compaction {
  snapshot: Uint8Array;
  /** The highest row id read; rows above it were appended meanwhile and are kept. */
  lastId: number;
  /** How many rows were read (all of them with an id up to lastId). */
  rows: number;
}

interface PendingAppend extends Append {
  resolve: () => void;
  reject: (error: unknown) => void;
}

const view = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * The embedded document store on one SQLite connection, synchronous underneath: an append-only log of
 * Yjs updates per document, compacted into a snapshot (see `snapshotOf`). The command line and tests use
 * it directly; a running server reaches the same methods through its storage threads (SqliteWorkerStore).
 * `appendUpdate` group-commits: the appends of one event-loop turn share one transaction, one fsync.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly selectRows: Database.Statement<[string], { id: number; data: Buffer }>;
  private readonly insertRow: Database.Statement<[string, Uint8Array]>;
  private readonly countUpTo: Database.Statement<[string, number], { n: number }>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly sizeOf: Database.Statement<[string], { bytes: number | null; n: number }>;
  private readonly appendTx: Database.Transaction<(batch: readonly Append[]) => void>;
  private readonly replaceTx: Database.Transaction<(name: string, compaction: Compaction) => boolean>;
  private batch: PendingAppend[] = [];
  private commitScheduled = false;

  constructor(private readonly db: Database.Database) {
    this.selectRows = db.prepare('SELECT id, data FROM updates WHERE doc = ? ORDER BY id');
    this.insertRow = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
    this.countUpTo = db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ? AND id <= ?');
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE doc = ? AND id <= ?');
    this.sizeOf = db.prepare('SELECT sum(length(data)) AS bytes, count(*) AS n FROM updates WHERE doc = ?');
    this.appendTx = db.transaction((batch: readonly Append[]) => {
      for (const a of batch) this.insertRow.run(a.name, a.update);
    });
    // The rows read for the snapshot are replaced only if they are all still there: a compaction that
    // raced with another (the command line, a second thread) gives up rather than drop anything.
    this.replaceTx = db.transaction((name: string, c: Compaction) => {
      if (this.countUpTo.get(name, c.lastId)!.n !== c.rows) return false;
      this.deleteUpTo.run(name, c.lastId);
      this.insertRow.run(name, c.snapshot);
      return true;
    });
  }

  async load(name: string): Promise<Uint8Array | null> {
    const rows = this.loadUpdates(name);
    if (rows.length === 0) return null;
    return rows.length === 1 ? rows[0]! : mergeUpdates(rows);
  }

  /** The stored rows, oldest first (the snapshot, then what was appended since), without merging them. */
  loadUpdates(name: string): Uint8Array[] {
    return this.selectRows.all(name).map((r) => view(r.data));
  }

  /** A document's stored size in bytes (its snapshot and log), for quotas. */
  storedBytesOf(name: string): number {
    return this.sizeOf.get(name)!.bytes ?? 0;
  }

  /** Commits appends in one transaction, synchronously: all of them are durable, or none. */
  appendAll(batch: readonly Append[]): void {
    this.appendTx(batch);
  }

  /** The snapshot of a document's log, or null when it is one row or none (nothing to compact). */
  snapshot(name: string): Compaction | null {
    const rows = this.selectRows.all(name);
    const last = rows.at(-1);
    if (!last || rows.length < 2) return null;
    return { snapshot: snapshotOf(rows.map((r) => view(r.data))), lastId: last.id, rows: rows.length };
  }

  /** Replaces the rows a snapshot was made of by it; false (nothing changed) when they changed meanwhile. */
  replace(name: string, compaction: Compaction): boolean {
    return this.replaceTx.immediate(name, compaction);
  }

  /** A document scheduled its flush for this turn: commit right behind it (see `appendUpdate`). */
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
      this.turn();
    });
  }

  private commit(): void {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    try {
      this.appendAll(batch);
    } catch (error) {
      for (const a of batch) a.reject(error);
      return;
    }
    for (const a of batch) a.resolve();
  }

  async compact(name: string): Promise<void> {
    this.compactNow(name);
  }

  private compactNow(name: string): void {
    // Read and replace in one write transaction: nothing can slip between them on this connection.
    this.db.transaction(() => {
      const c = this.snapshot(name);
      if (c) this.replaceTx(name, c);
    }).immediate();
  }

  /** The documents whose log has at least `minRows` rows. */
  documentsToCompact(minRows = 2): string[] {
    return (this.db.prepare('SELECT doc FROM updates GROUP BY doc HAVING count(*) >= ?').all(minRows) as { doc: string }[]).map((r) => r.doc);
  }

  /** Compacts every document with at least `minRows` rows (at startup: a crash leaves uncompacted logs). */
  compactAll(minRows = 2): number {
    const docs = this.documentsToCompact(minRows);
    for (const doc of docs) this.compactNow(doc);
    return docs.length;
  }

  /** The number of log rows of a document (for tests and compaction decisions). */
  rowCount(name: string): number {
    return this.sizeOf.get(name)!.n;
  }

  async close(): Promise<void> {
    this.commit();
    if (this.db.open) this.db.close();
  }
}
