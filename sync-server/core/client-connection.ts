import type { DocumentRef } from '../../shared/protocol/document-names';
import { CloseCode } from '../../shared/protocol/close-codes';
import { SLOW_CLOSE_GRACE_MS, type BudgetConsumer, type MemoryBudget } from './memory-budget';
import { RateLimiter } from './rate-limiter';
import type { Identity } from './server-hooks';
import type { ServerLimits } from './server-limits';

/** What the core needs of a transport's socket. */
export interface ConnectionSocket {
  /** Sends one message; `written` (optional) hears when it is handed to the network, or failed. */
  send(frame: Uint8Array, written?: (error?: Error) => void): void;
  /**
   * Optional: sends part of one message (`fin` on its last part), so that a large one leaves as the
   * socket drains; nothing else may be sent between the parts of a message.
   */
  sendFragment?(part: Uint8Array, fin: boolean, written?: (error?: Error) => void): void;
  /** Bytes accepted by send() and not yet written to the network. */
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
  /** Drops the connection at once, with whatever it still had to send. */
  terminate?(): void;
  /** The peer's network address, for the per-address limit (the transport's own socket only). */
  readonly remoteAddress?: string;
  /** Optional: hold writes until `uncork`, so that the frames of one turn leave in one write. */
  cork?(): void;
  uncork?(): void;
}

/**
 * One client connected to one document. Frames to the client wait in `outbox` until the document's
 * next flush, which first makes every pending update durable: nothing leaves before it is safe.
 */
export class ClientConnection implements BudgetConsumer {
  identity: Identity | null = null;
  readOnly = true;
  closed = false;
  /** Frames received while the connection is authenticated and its document loaded. */
  readonly early: Uint8Array[] = [];
  /** Frames waiting for the next flush; each is admitted (buffer limit, memory budget) as it is queued. */
  readonly outbox = {
    push: (...frames: Uint8Array[]): void => {
      for (const f of frames) {
        if (!this.admit(f)) continue;
        this.queuedBytes += f.length;
        this.budget.hold(f);
        this.queued.push(f);
      }
    },
    /** Takes every queued frame (`start` is 0); they count against the budget until `flush` sends them. */
    splice: (start: 0): Uint8Array[] => {
      const frames = this.queued.splice(start);
      this.taken.push(...frames);
      this.takenBytes += this.queuedBytes;
      this.queuedBytes = 0;
      return frames;
    },
  };
  private queued: Uint8Array[] = [];
  private queuedBytes = 0;
  /** Frames taken from the outbox for a flush that has not sent them yet, and their bytes. */
  private taken: Uint8Array[] = [];
  private takenBytes = 0;
  /** A large update of this connection is being applied in slices: its next frames wait in `early`. */
  applying = false;
  /** Called once such an update is applied (the server then hands it the frames that waited). */
  applied: (() => void) | null = null;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  private readonly limiter: RateLimiter;

  constructor(
    private readonly socket: ConnectionSocket,
    readonly documentName: string,
    readonly ref: DocumentRef | null,
    private readonly limits: ServerLimits,
    private readonly budget: MemoryBudget,
    private readonly onClose: (connection: ClientConnection, code: number, reason: string) => void,
  ) {
    this.limiter = new RateLimiter(limits.messagesPerSecond, limits.messageBurst);
  }

  /** Bytes queued towards the client (in the outbox or the socket) and not yet written to the network. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount + this.queuedBytes + this.takenBytes;
  }

  /** Whether this frame stays within the rate limit. */
  allow(): boolean {
    return this.limiter.take();
  }

  /**
   * Sends now, if the frame fits: within this connection's buffer limit, and within the server's memory
   * budget (which may close slower readers to make room). A client that cannot keep up is disconnected
   * before its frame is queued, rather than buffered without bound.
   */
  send(frame: Uint8Array): void {
    if (this.admit(frame)) this.socket.send(frame);
  }

  private admit(frame: Uint8Array): boolean {
    if (this.closed) return false;
    if (this.bufferedAmount + frame.length > this.limits.maxBufferedBytes) {
      this.closeAsSlow(`send buffer over ${mb(this.limits.maxBufferedBytes)} MB: the client is not reading`);
      return false;
    }
    if (!this.budget.admit(this, frame)) {
      this.closeAsSlow('the server is at its memory budget and this connection is over its share: it is not reading');
      return false;
    }
    return true;
  }

  /** Closes with 4508; a client that does not read even its close frame is dropped after a grace period. */
  closeAsSlow(reason: string): void {
    if (this.closed) return;
    this.close(CloseCode.slowConsumer, reason);
    if (this.socket.terminate) setTimeout(() => this.socket.terminate!(), SLOW_CLOSE_GRACE_MS).unref();
  }

  /** Sends frames that need no flush (already durable) at once, in one write; the outbox keeps waiting. */
  sendNow(frames: readonly Uint8Array[]): void {
    const cork = !this.closed && frames.length > 1 && this.socket.cork !== undefined;
    if (cork) this.socket.cork!();
    try {
      for (const f of frames) this.send(f);
    } finally {
      if (cork) this.socket.uncork!();
    }
  }

  /** Sends `frames` (by default the outbox), then `extra` frames (the turn's merged update and awareness). */
  flush(extra: readonly Uint8Array[], frames: readonly Uint8Array[] = this.outbox.splice(0)): void {
    const taken = this.taken;
    this.taken = [];
    this.takenBytes = 0;
    const cork = !this.closed && frames.length + extra.length > 1 && this.socket.cork !== undefined;
    if (cork) this.socket.cork!();
    try {
      // Admitted when queued.
      for (const f of frames) if (!this.closed) this.socket.send(f);
      for (const f of extra) this.send(f);
    } finally {
      if (cork) this.socket.uncork!();
      // Released once the socket holds them (a frame shared with other readers is counted once meanwhile).
      for (const f of taken) this.budget.release(f);
    }
  }

  /** Closes the socket with a code and a reason the client sees. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.drop();
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    let short = reason;
    while (Buffer.byteLength(short) > 123) short = short.slice(0, -1);
    this.socket.close(code, short);
    this.onClose(this, code, reason);
  }

  /** The client closed the socket, or the network did. */
  gone(code: number, reason: string): void {
    if (this.closed) return;
    this.drop();
    this.onClose(this, code, reason);
  }

  /** Closed: nothing more leaves, and what waited no longer weighs on the budget. */
  private drop(): void {
    this.closed = true;
    for (const f of [...this.queued, ...this.taken]) this.budget.release(f);
    this.queued = [];
    this.taken = [];
    this.queuedBytes = 0;
    this.takenBytes = 0;
  }
}

const mb = (bytes: number): string => String(Math.round(bytes / 2 ** 20));
