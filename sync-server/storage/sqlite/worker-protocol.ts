import type { Append, Compaction } from './sqlite-document-store';
import type { Synchronous } from './open-database';
import { packUpdates } from '../../core/pack-updates';

/** What a storage thread is started with. */
export interface WorkerOptions {
  dataDir: string;
  /** The writer owns every write (group commits, compaction's replace); the reader loads and snapshots. */
  role: 'writer' | 'reader';
  synchronous: Synchronous;
}

/** A request to a storage thread; each is answered by a `WorkerReply` with the same id. */
export type WorkerRequest =
  | { id: number; op: 'append'; batch: Append[] }
  | { id: number; op: 'replace'; name: string; compaction: Compaction }
  | { id: number; op: 'probe' }
  | { id: number; op: 'load'; name: string }
  | { id: number; op: 'snapshot'; name: string }
  | { id: number; op: 'sizes'; names: string[] }
  | { id: number; op: 'to-compact'; minRows: number }
  | { id: number; op: 'close' };

/** An error as it crosses threads: its message and its code (SQLITE_FULL, ENOSPC…). */
export interface WorkerError {
  message: string;
  code?: string;
}

/** The answer to a request. */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerError };

/** The first message of a thread: its database is open, or why not. */
export type WorkerHello = { ready: true } | { ready: false; error: WorkerError };

/** A group's updates handed to the storage thread in one buffer of their own (see packUpdates): the server keeps the originals, which it sends on. */
export function packAppends(batch: readonly Append[]): { batch: Append[]; transfer: ArrayBuffer[] } {
  const { views, transfer } = packUpdates(batch.map((a) => a.update));
  return { batch: batch.map(({ name }, i) => ({ name, update: views[i]! })), transfer };
}

/** The buffer behind `bytes` when it holds exactly them and can be handed over, else none (they are cloned). */
export function transferableBuffer(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
