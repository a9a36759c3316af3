import fs from 'node:fs';
import type { DocumentStore } from '../document-store';
import type { Synchronous } from './open-database';
import type { Compaction } from './sqlite-document-store';
import { GroupCommit } from '../group-commit';
import { StorageThread } from './storage-thread';
import { packAppends, transferableBuffer } from './worker-protocol';
import { mergeUpdates } from '../../../shared/protocol/merge-updates';

/** Options of the server's SQLite store. */
export interface SqliteWorkerStoreOptions {
  /** 'FULL' (the default) fsyncs every group; 'OFF' only for benchmarks measuring what durability costs. */
  synchronous?: Synchronous;
}

/** What the store says about its ability to write (for /healthz). */
export type StoreHealth = {
  ok: boolean;
  /** Why it cannot write, naming the directory. */
  error?: string;
  /** Bytes free on the data directory's disk for this user. */
  freeBytes?: number;
};

/** Below this much free space the store reports itself unable to write: a group could fail at any moment. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

/**
 * The server's document store on SQLite, off the event loop. A writer thread owns every write; a
 * reader thread loads documents and computes the snapshots compaction is made of, so that neither a
 * fsync nor a large document ever blocks the thread that serves the sockets.
 *
 * Appends are group-committed (see GroupCommit): one transaction and one fsync per group in the writer.
 * A group fails as a whole when the thread says why, or when it died.
 */
export class SqliteWorkerStore implements DocumentStore {
  private readonly writer: StorageThread;
  private readonly reader: StorageThread;
  private readonly groups: GroupCommit;
  /** Each document's compaction in progress: the next one waits for it, so that two never race. */
  private readonly compacting = new Map<string, Promise<void>>();

  private constructor(
    private readonly dataDir: string,
    synchronous: Synchronous,
  ) {
    this.writer = new StorageThread({ dataDir, role: 'writer', synchronous });
    this.reader = new StorageThread({ dataDir, role: 'reader', synchronous });
    this.groups = new GroupCommit((group) => {
      const { batch, transfer } = packAppends(group);
      return this.writer.request({ op: 'append', batch }, transfer);
    });
  }

  /** Groups committed and the appends they held (for /metrics and tests). */
  get stats(): { groups: number; appends: number } {
    return this.groups.stats;
  }

  /** Starts both threads; rejects (naming the directory) when the database cannot be opened. */
  static async open(dataDir: string, options: SqliteWorkerStoreOptions = {}): Promise<SqliteWorkerStore> {
    const store = new SqliteWorkerStore(dataDir, options.synchronous ?? 'FULL');
    try {
      await Promise.all([store.writer.start(), store.reader.start()]);
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async load(name: string): Promise<Uint8Array | null> {
    const rows = await this.loadUpdates(name);
    if (rows.length === 0) return null;
    return rows.length === 1 ? rows[0]! : mergeUpdates(rows);
  }

  loadUpdates(name: string): Promise<Uint8Array[]> {
    return this.reader.request<Uint8Array[]>({ op: 'load', name });
  }

  /** Stored bytes of each document (snapshot and log), for quotas. */
  storedBytes(names: string[]): Promise<number[]> {
    return this.reader.request<number[]>({ op: 'sizes', names });
  }

  /** A document scheduled its flush: the group leaves after this turn's flushes have handed their updates over. */
  turn(): void {
    this.groups.schedule();
  }

  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    return this.groups.append(name, update);
  }

  /**
   * Snapshots the document in the reader; the writer replaces exactly the rows the snapshot was made of.
   * One compaction of a document at a time: two at once (one in the background, one on unloading) made
   * the second give up, leaving the log uncompacted until the next start.
   */
  compact(name: string): Promise<void> {
    const previous = this.compacting.get(name) ?? Promise.resolve();
    const next = previous.then(async () => {
      const compaction = await this.reader.request<Compaction | null>({ op: 'snapshot', name });
      if (compaction) await this.writer.request<boolean>({ op: 'replace', name, compaction }, transferableBuffer(compaction.snapshot));
    });
    const settled = next.catch(() => undefined);
    this.compacting.set(name, settled);
    void settled.then(() => this.compacting.get(name) === settled && this.compacting.delete(name));
    return next;
  }

  /** Compacts every document with at least `minRows` rows, one after the other; resolves with their number. */
  async compactAll(minRows = 2): Promise<number> {
    const names = await this.reader.request<string[]>({ op: 'to-compact', minRows });
    for (const name of names) await this.compact(name);
    return names.length;
  }

  /**
   * Whether the store can write now: a write goes through the writer (behind any group in progress),
   * the last group did not fail, and the disk has room.
   */
  async health(): Promise<StoreHealth> {
    const freeBytes = await this.freeBytes();
    try {
      await this.probe();
    } catch (error) {
      return { ok: false, error: `cannot write to the data directory ${this.dataDir}: ${(error as Error).message}`, ...(freeBytes !== undefined ? { freeBytes } : {}) };
    }
    if (this.groups.lastError) return { ok: false, error: `the last write to ${this.dataDir} failed: ${this.groups.lastError.message}`, ...(freeBytes !== undefined ? { freeBytes } : {}) };
    if (freeBytes !== undefined && freeBytes < MIN_FREE_BYTES) return { ok: false, error: `the disk of ${this.dataDir} is almost full (${freeBytes} bytes free)`, freeBytes };
    return { ok: true, ...(freeBytes !== undefined ? { freeBytes } : {}) };
  }

  /** Writes a row through the writer, behind any group in progress; rejects with the reason it cannot. */
  async probe(): Promise<void> {
    await this.writer.request({ op: 'probe' });
  }

  /** Bytes free for this user on the data directory's disk, when the platform says. */
  async freeBytes(): Promise<number | undefined> {
    try {
      const s = await fs.promises.statfs(this.dataDir);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  }

  /** Commits what was handed over, then stops both threads. */
  async close(): Promise<void> {
    await this.groups.drain();
    await Promise.all([this.writer.close(), this.reader.close()]);
  }
}
