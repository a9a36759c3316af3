import type { Append, Compaction } from './sqlite-document-store';
import type { Synchronous } from './open-database';

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

/**
 * A group's updates copied into one buffer of their own, which is handed to the storage thread
 * (transferred) rather than cloned: one copy of a group's bytes on the serving thread instead of a
 * structured clone of each update (the server keeps the originals, which it sends on). Each append's
 * update is a view into that buffer.
 */
export function packAppends(batch: readonly Append[]): { batch: Append[]; transfer: ArrayBuffer[] } {
  const bytes = new Uint8Array(batch.reduce((sum, a) => sum + a.update.length, 0));
  let at = 0;
  const packed = batch.map(({ name, update }) => {
    bytes.set(update, at);
    at += update.length;
    return { name, update: bytes.subarray(at - update.length, at) };
  });
  return { batch: packed, transfer: [bytes.buffer] };
}

/** The buffer behind `bytes` when it holds exactly them and can be handed over, else none (they are cloned). */
export function transferableBuffer(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
