/**
 * Where documents live between connections. The protocol code only sees this interface, so that a
 * shared back end (PostgreSQL for the log, Redis for fan-out between nodes) can replace SQLite.
 * Documents are named as on the wire: `<negotiation id>/table`, `<id>/delegation/<did>`, ….
 */
export interface DocumentStore {
  /** Every stored update of the document merged into one, or null when the document was never written. */
  load(name: string): Promise<Uint8Array | null>;
  /**
   * Optional: the stored updates unmerged, oldest first (a snapshot and what followed it), so that a
   * load applies them in one transaction instead of merging them first.
   */
  loadUpdates?(name: string): Uint8Array[] | Promise<Uint8Array[]>;
  /** Optional: a document scheduled its flush for this turn (a store that group-commits queues its commit behind it). */
  turn?(): void;
  /** Optional: the bytes each document holds in the store (snapshot and log), for storage quotas. */
  storedBytes?(names: string[]): Promise<number[]>;
  /**
   * Appends an update; resolves only once it is durable, so that callers may acknowledge it. `writers`
   * are the invitations whose writes it holds: a store whose revocations are not read synchronously
   * (PostgreSQL) refuses it, in the same commit, when one of them is revoked (then nothing is stored).
   */
  appendUpdate(name: string, update: Uint8Array, writers?: readonly string[]): Promise<void>;
  /** Replaces the document's log by one merged update; an update appended concurrently is never lost. */
  compact(name: string): Promise<void>;
  /** Releases the store; no call may follow. */
  close(): Promise<void>;
}
