import { CloseCode } from '../../shared/protocol/close-codes';
import type { ConnectionSocket } from './client-connection';
import { SLOW_CLOSE_GRACE_MS, type BudgetConsumer, type MemoryBudget } from './memory-budget';

/** A message larger than this leaves in fragments of this size (where the socket can send fragments). */
const FRAGMENT_BYTES = 64 * 1024;
/** At most this much is handed to one socket per event-loop turn. */
const TURN_BYTES = 256 * 1024;

/**
 * A client's socket as the server writes to it. Frames wait here in order and are handed to the socket
 * as it drains, at most TURN_BYTES a turn, a large one a fragment at a time (still one WebSocket
 * message), so that the thread never writes megabytes to one socket in one turn, and a reader that does
 * not read holds only a reference to a frame others share (the memory budget counts it once).
 * Also what the budget sees of the socket: what waits for it, and how to drop it.
 */
export class SocketConsumer implements BudgetConsumer, ConnectionSocket {
  closed = false;
  private ended = false;
  private readonly queue: Uint8Array[] = [];
  /** Bytes of the first queued frame already handed to the socket. */
  private offset = 0;
  private queuedBytes = 0;
  /** Waiting for the socket to take what it was handed, then for the next turn. */
  private waiting = false;
  /** Closes the connection (or room) on this socket; set once it is open. */
  closeConnection: ((code: number, reason: string) => void) | null = null;

  constructor(
    private readonly socket: ConnectionSocket,
    private readonly budget: MemoryBudget,
  ) {}

  get bufferedAmount(): number {
    return this.socket.bufferedAmount + this.queuedBytes;
  }

  get heldBytes(): number {
    return this.queuedBytes;
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  send(frame: Uint8Array): void {
    if (this.ended) return;
    this.queue.push(frame);
    this.queuedBytes += frame.length;
    this.budget.hold(frame);
    this.pump();
  }

  cork(): void {
    this.socket.cork?.();
  }

  uncork(): void {
    this.socket.uncork?.();
  }

  close(code: number, reason: string): void {
    this.end();
    this.socket.close(code, reason);
  }

  terminate(): void {
    this.end();
    this.socket.terminate?.();
  }

  closeAsSlow(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.budget.closed(this);
    this.closeConnection?.(CloseCode.slowConsumer, reason);
    this.end();
    if (this.socket.terminate) setTimeout(() => this.socket.terminate!(), SLOW_CLOSE_GRACE_MS).unref();
  }

  /** The socket is gone (or closing): what waited is dropped. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const f of this.queue.splice(0)) this.budget.release(f);
    this.queuedBytes = 0;
  }

  private pump(): void {
    if (this.waiting || this.queue.length === 0) return;
    const cork = this.queue.length > 1;
    if (cork) this.socket.cork?.();
    try {
      for (let turn = TURN_BYTES; turn > 0 && this.queue.length > 0 && !this.ended; ) {
        const frame = this.queue[0]!;
        const whole = this.offset === 0 && (frame.length <= FRAGMENT_BYTES || !this.socket.sendFragment);
        const end = whole ? frame.length : Math.min(frame.length, this.offset + FRAGMENT_BYTES);
        const part = whole ? frame : frame.subarray(this.offset, end);
        this.offset = end;
        this.queuedBytes -= part.length;
        turn -= part.length;
        const fin = end === frame.length;
        if (fin) {
          this.queue.shift();
          this.offset = 0;
          this.budget.release(frame);
        }
        // The last part of the turn hears when the socket took it: the rest waits for that, and a turn.
        const written = turn <= 0 && this.queue.length > 0 ? this.written : undefined;
        if (written) this.waiting = true;
        if (whole) this.socket.send(part, written);
        else this.socket.sendFragment!(part, fin, written);
      }
    } finally {
      if (cork) this.socket.uncork?.();
    }
  }

  private readonly written = (error?: Error): void => {
    if (error) {
      this.end();
      return;
    }
    setImmediate(() => {
      this.waiting = false;
      this.pump();
    });
  };
}
