import type { DocumentRef } from '../../shared/protocol/document-names';
import { CloseCode } from '../../shared/protocol/close-codes';
import { RateLimiter } from './rate-limiter';
import type { Identity } from './server-hooks';
import type { ServerLimits } from './server-limits';

/** What the core needs of a transport's socket. */
export interface ConnectionSocket {
  send(frame: Uint8Array): void;
  /** Bytes accepted by send() and not yet written to the network. */
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
  /** Optional: hold writes until `uncork`, so that the frames of one turn leave in one write. */
  cork?(): void;
  uncork?(): void;
}

/**
 * One client connected to one document. Frames to the client wait in `outbox` until the document's
 * next flush, which first makes every pending update durable: nothing leaves before it is safe.
 */
export class ClientConnection {
  identity: Identity | null = null;
  readOnly = true;
  closed = false;
  /** Frames received while the connection is authenticated and its document loaded. */
  readonly early: Uint8Array[] = [];
  readonly outbox: Uint8Array[] = [];
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  private readonly limiter: RateLimiter;

  constructor(
    private readonly socket: ConnectionSocket,
    readonly documentName: string,
    readonly ref: DocumentRef | null,
    private readonly limits: ServerLimits,
    private readonly onClose: (connection: ClientConnection, code: number, reason: string) => void,
  ) {
    this.limiter = new RateLimiter(limits.messagesPerSecond, limits.messageBurst);
  }

  /** Whether this frame stays within the rate limit. */
  allow(): boolean {
    return this.limiter.take();
  }

  /** Sends now; a client that cannot keep up is disconnected rather than buffered without bound. */
  send(frame: Uint8Array): void {
    if (this.closed) return;
    this.socket.send(frame);
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) this.close(CloseCode.slowConsumer, 'send buffer overflow: the client is not reading');
  }

  /** Sends `frames` (by default the outbox), then `extra` frames (the turn's merged update and awareness). */
  flush(extra: readonly Uint8Array[], frames: readonly Uint8Array[] = this.outbox.splice(0)): void {
    if (this.closed || frames.length + extra.length === 0) return;
    const cork = frames.length + extra.length > 1 && this.socket.cork !== undefined;
    if (cork) this.socket.cork!();
    try {
      for (const f of frames) this.send(f);
      for (const f of extra) this.send(f);
    } finally {
      if (cork) this.socket.uncork!();
    }
  }

  /** Closes the socket with a code and a reason the client sees. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    let short = reason;
    while (Buffer.byteLength(short) > 123) short = short.slice(0, -1);
    this.socket.close(code, short);
    this.onClose(this, code, reason);
  }

  /** The client closed the socket, or the network did. */
  gone(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this, code, reason);
  }
}
