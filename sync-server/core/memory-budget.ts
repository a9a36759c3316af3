/** What the budget needs of a connection: how much waits to be written to it, and how to drop it. */
export interface BudgetConsumer {
  readonly closed: boolean;
  /** Bytes accepted for sending and not yet written to the network. */
  readonly bufferedAmount: number;
  /** Of those, the bytes of frames it holds through `MemoryBudget.hold` (counted there, once however many share them). */
  readonly heldBytes?: number;
  /** Closes it as too slow (4508, with `reason`), freeing its buffer. */
  closeAsSlow(reason: string): void;
}

/**
 * A loaded Y.Doc takes several times its encoded size in memory: measured ≈ 11× for texts edited at
 * random places (many small items), less for texts typed in runs. The budget counts 10×.
 */
export const DOCUMENT_MEMORY_FACTOR = 10;

/** How long a client closed as too slow may take to read its close frame before its socket is dropped. */
export const SLOW_CLOSE_GRACE_MS = 2_000;

/** How long a closed consumer's buffer is still counted: until its socket is gone, at most this. */
const CLOSING_MS = 5_000;

/**
 * One memory budget for the whole server: bytes queued towards clients plus the documents in memory.
 * Checked before anything is queued: when a frame would take the server over the budget, the slowest
 * consumers over their share (the budget left after documents, divided among connections) are closed
 * first; a consumer within its share is never closed to make room.
 */
export class MemoryBudget {
  private readonly consumers = new Set<BudgetConsumer>();
  private readonly closing = new Map<BudgetConsumer, number>();
  private readonly documents = new Map<string, number>();
  private documentTotal = 0;
  /** Sum of the consumers' buffers, measured once per event-loop turn and kept current within it. */
  private buffered: number | null = null;
  /** Bytes of the frames held by `hold`, each counted once. */
  private pending = 0;
  /** How many holders each held frame has (a frame shared by many readers is one buffer). */
  private readonly held = new Map<Uint8Array, number>();
  /** Consumers not closed, counted with `buffered`. */
  private open = 0;

  constructor(readonly limitBytes: number) {}

  add(consumer: BudgetConsumer): void {
    this.consumers.add(consumer);
  }

  /** The consumer's socket is gone: its buffer no longer counts. */
  remove(consumer: BudgetConsumer): void {
    this.consumers.delete(consumer);
    this.closing.delete(consumer);
  }

  /** Sets the estimated memory of a loaded document (0 when unloaded). */
  setDocument(name: string, bytes: number): void {
    this.documentTotal += bytes - (this.documents.get(name) ?? 0);
    if (bytes > 0) this.documents.set(name, bytes);
    else this.documents.delete(name);
  }

  /** Adds to a loaded document's estimate (what was stored into it). */
  growDocument(name: string, bytes: number): void {
    if (this.documents.has(name)) this.setDocument(name, this.documents.get(name)! + bytes);
  }

  /** Whether a document of `bytes` more fits beside what is loaded. */
  fitsDocument(bytes: number): boolean {
    return this.documentTotal + bytes <= this.limitBytes;
  }

  /** What the budget holds now, for /healthz and /metrics. */
  usage(): { limitBytes: number; documentBytes: number; bufferedBytes: number; shareBytes: number } {
    return { limitBytes: this.limitBytes, documentBytes: this.documentTotal, bufferedBytes: this.bufferedBytes(), shareBytes: Math.round(this.share()) };
  }

  /** Each open consumer's fair part of what documents leave of the budget. */
  share(): number {
    this.bufferedBytes();
    return Math.max(0, this.limitBytes - this.documentTotal) / Math.max(1, this.open);
  }

  /**
   * Whether the server should do work whose answer is queued for `consumer` (a sync request): not when
   * the budget is full and this consumer already holds more than its share, unread.
   */
  mayRequest(consumer: BudgetConsumer): boolean {
    return this.documentTotal + this.bufferedBytes() < this.limitBytes || consumer.bufferedAmount <= this.share();
  }

  /**
   * Whether `frame` may be queued towards `consumer`. Over the budget, closes the slowest consumers
   * over their share until it fits; false when it still does not and `consumer` itself would go over
   * its share (the caller closes it). A frame already held (shared with other readers) adds nothing.
   */
  admit(consumer: BudgetConsumer, frame: Uint8Array): boolean {
    const bytes = this.held.has(frame) ? 0 : frame.length;
    const used = this.documentTotal + this.bufferedBytes();
    if (used + bytes <= this.limitBytes) return this.charge(bytes);
    const share = this.share();
    let excess = used + bytes - this.limitBytes;
    const slowest = [...this.consumers].filter((c) => !c.closed && c !== consumer && c.bufferedAmount > share).sort((a, b) => b.bufferedAmount - a.bufferedAmount);
    for (const c of slowest) {
      if (excess <= 0) break;
      excess -= c.bufferedAmount;
      this.buffered! -= c.bufferedAmount;
      c.closeAsSlow(`the server is at its memory budget and this connection was among the slowest readers (${mb(c.bufferedAmount)} MB waiting)`);
    }
    if (excess <= 0 || consumer.bufferedAmount + frame.length <= share) return this.charge(bytes);
    return false;
  }

  /**
   * A frame queued inside the server for a consumer (not yet handed to its socket); `release` it once
   * handed over or dropped. A frame held by several consumers counts once.
   */
  hold(frame: Uint8Array): void {
    const holders = this.held.get(frame) ?? 0;
    if (holders === 0) this.pending += frame.length;
    this.held.set(frame, holders + 1);
  }

  release(frame: Uint8Array): void {
    const holders = this.held.get(frame);
    if (holders === undefined) return;
    if (holders > 1) {
      this.held.set(frame, holders - 1);
      return;
    }
    this.held.delete(frame);
    this.pending -= frame.length;
  }

  /** Marks a closed consumer: its buffer counts until its socket is gone, or CLOSING_MS at most. */
  closed(consumer: BudgetConsumer): void {
    this.closing.set(consumer, performance.now());
  }

  private charge(bytes: number): true {
    this.buffered = (this.buffered ?? 0) + bytes;
    return true;
  }

  private bufferedBytes(): number {
    if (this.buffered === null) {
      const now = performance.now();
      for (const [c, since] of this.closing) if (now - since > CLOSING_MS || c.bufferedAmount === 0) this.remove(c);
      let sum = this.pending;
      let open = 0;
      for (const c of this.consumers) {
        sum += c.bufferedAmount - (c.heldBytes ?? 0);
        if (!c.closed) open++;
      }
      this.buffered = sum;
      this.open = open;
      // Sockets drain between turns: measure again in the next one.
      setImmediate(() => (this.buffered = null));
    }
    return this.buffered;
  }
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
